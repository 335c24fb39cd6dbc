using System.Reflection;
using System.Reflection.Emit;

namespace Rapport.UnitTests.Architecture;

/// <summary>Which top folders of the app use which, read from the compiled assembly: signatures, base
/// types, attributes and every type, method and field a method body names (views included, as Razor
/// compiles them into the same assembly). Reading the IL rather than the source sees what a
/// <c>using</c> line hides: a name qualified from a parent namespace (<c>People.ContactEditor</c>).</summary>
public sealed class DependencyGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _examples = [];

    public static DependencyGraph Of(Assembly assembly)
    {
        var graph = new DependencyGraph();
        foreach (var type in assembly.GetTypes()) graph.Add(type);
        return graph;
    }

    /// <summary>The folder a type belongs to: <c>Features/People</c>, <c>Data</c>, <c>Domain</c>...;
    /// null for what is not the app's own code.</summary>
    public static string? NodeOf(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        var ns = type.Namespace ?? "";
        if (!ns.StartsWith("Rapport", StringComparison.Ordinal) && type.Assembly.GetName().Name == "Rapport")
            return ns.Length == 0 ? "(root)" : null;
        var parts = ns.Split('.');
        if (parts[0] != "Rapport") return null;
        if (parts.Length == 1) return "(root)";
        if (parts[1] == "Features") return parts.Length > 2 ? "Features/" + parts[2] : "Features";
        return parts[1];
    }

    public IReadOnlyCollection<string> Nodes => _edges.Keys;

    public IEnumerable<string> UsedBy(string node) => _edges.TryGetValue(node, out var to) ? to.Order(StringComparer.Ordinal) : [];

    /// <summary>One place that makes the edge, to say in a failure where to look.</summary>
    public string Example(string from, string to) => _examples.GetValueOrDefault((from, to), "");

    /// <summary>Groups of nodes that reach each other (Tarjan's strongly connected components, size &gt; 1).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(Func<string, bool> among)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<IReadOnlyList<string>>();
        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in UsedBy(v).Where(among))
            {
                if (!indices.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], indices[w]);
            }
            if (low[v] != indices[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            if (group.Count > 1) found.Add([.. group.Order(StringComparer.Ordinal)]);
        }
        foreach (var node in _edges.Keys.Where(among).Order(StringComparer.Ordinal))
            if (!indices.ContainsKey(node)) Visit(node);
        return found;
    }

    private void Add(Type type)
    {
        var from = NodeOf(type);
        if (from is null) return;
        if (!_edges.ContainsKey(from)) _edges[from] = new HashSet<string>(StringComparer.Ordinal);
        var where = type.FullName ?? type.Name;
        Use(from, type.BaseType, where);
        foreach (var i in type.GetInterfaces()) Use(from, i, where);
        foreach (var a in type.GetCustomAttributesData()) Use(from, a.AttributeType, where);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(all)) Use(from, field.FieldType, $"{where}.{field.Name}");
        foreach (var property in type.GetProperties(all)) Use(from, property.PropertyType, $"{where}.{property.Name}");
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            var at = $"{where}.{method.Name}";
            if (method is MethodInfo info) Use(from, info.ReturnType, at);
            foreach (var parameter in method.GetParameters()) Use(from, parameter.ParameterType, at);
            foreach (var used in BodyReferences(method)) Use(from, used, at);
        }
    }

    private void Use(string from, Type? type, string where)
    {
        if (type is null) return;
        if (type.HasElementType) { Use(from, type.GetElementType(), where); return; }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var argument in type.GetGenericArguments()) Use(from, argument, where);
        if (type.IsGenericParameter) return;
        var to = NodeOf(type);
        if (to is null || to == from) return;
        if (_edges[from].Add(to)) _examples[(from, to)] = $"{where} uses {type.FullName ?? type.Name}";
    }

    /// <summary>The types named by the tokens in a method body (calls, field reads, casts, new objects).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (InvalidOperationException) { yield break; }
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var module = method.Module;
        for (var i = 0; i < il.Length;)
        {
            OpCode code;
            if (il[i] == 0xFE) { code = OpCodesByValue[(short)(0xFE00 | il[i + 1])]; i += 2; }
            else { code = OpCodesByValue[il[i]]; i += 1; }
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (ArgumentException) { }
                    catch (TypeLoadException) { }
                    catch (FileNotFoundException) { }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case MethodBase m:
                            if (m.DeclaringType is not null) yield return m.DeclaringType;
                            if (m is MethodInfo { IsGenericMethod: true } g) foreach (var a in g.GetGenericArguments()) yield return a;
                            break;
                        case FieldInfo f:
                            if (f.DeclaringType is not null) yield return f.DeclaringType;
                            yield return f.FieldType;
                            break;
                    }
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, i);
                    i += 4 + 4 * count;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                default: i += 4; break;
            }
        }
    }
}
