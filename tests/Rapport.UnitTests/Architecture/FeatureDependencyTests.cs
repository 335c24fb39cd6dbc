using System.Text;

namespace Rapport.UnitTests.Architecture;

/// <summary>The one-way dependencies docs/ARCHITECTURE.md promises, checked on the compiled app.</summary>
public class FeatureDependencyTests
{
    private static readonly DependencyGraph Graph = DependencyGraph.Of(typeof(Rapport.Data.RapportDb).Assembly);

    private static bool IsFeature(string node) => node.StartsWith("Features/", StringComparison.Ordinal);

    [Fact]
    public void No_feature_folder_depends_on_another_that_depends_back_on_it()
    {
        var cycles = Graph.Cycles(IsFeature);
        Assert.True(cycles.Count == 0, "Features that reach each other: " + string.Join("; ", cycles.Select(Describe)));
    }

    [Theory]
    [InlineData("Data")]
    [InlineData("Domain")]
    [InlineData("Formats")]
    [InlineData("Web")]
    public void A_layer_below_the_features_depends_on_no_feature(string layer)
    {
        var used = Graph.UsedBy(layer).Where(IsFeature).ToList();
        Assert.True(used.Count == 0, string.Join("\n", used.Select(to => $"{layer} -> {to}: {Graph.Example(layer, to)}")));
    }

    [Theory]
    [InlineData("Domain")]
    [InlineData("Formats")]
    public void Pure_rules_and_formats_use_neither_the_database_nor_the_web(string layer)
    {
        var used = Graph.UsedBy(layer).Where(to => to is "Data" or "Web" || IsFeature(to)).ToList();
        Assert.True(used.Count == 0, string.Join("\n", used.Select(to => $"{layer} -> {to}: {Graph.Example(layer, to)}")));
    }

    [Fact]
    public void Shared_view_pieces_depend_on_no_feature()
    {
        var used = Graph.UsedBy("Features/Shared").Where(IsFeature).ToList();
        Assert.True(used.Count == 0, string.Join("\n", used.Select(to => $"Features/Shared -> {to}: {Graph.Example("Features/Shared", to)}")));
    }

    /// <summary>The architecture page lists the graph as it is: a new edge between features is a
    /// decision, so it shows up in the page's diff.</summary>
    [Fact]
    public void The_architecture_page_lists_the_dependencies_between_features_as_they_are()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "ARCHITECTURE.md");
        var page = File.ReadAllText(path);
        const string start = "<!-- feature dependencies: start -->", end = "<!-- feature dependencies: end -->";
        var from = page.IndexOf(start, StringComparison.Ordinal);
        var to = page.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/ARCHITECTURE.md has no block between '{start}' and '{end}'.");
        var listed = page[(from + start.Length)..to].Trim();
        var actual = FeatureList().Trim();
        Assert.True(listed == actual, "Put this between the markers in docs/ARCHITECTURE.md:\n" + actual);
    }

    /// <summary>Each feature with the features it uses, as the architecture page shows it.</summary>
    public static string FeatureList()
    {
        var text = new StringBuilder("```\n");
        foreach (var node in Graph.Nodes.Where(IsFeature).Order(StringComparer.Ordinal))
        {
            var used = Graph.UsedBy(node).Where(IsFeature).Select(n => n["Features/".Length..]).ToList();
            text.Append(node["Features/".Length..].PadRight(14)).Append("-> ")
                .Append(used.Count == 0 ? "(none)" : string.Join(", ", used)).Append('\n');
        }
        return text.Append("```").ToString();
    }

    private static string Describe(IReadOnlyList<string> cycle) =>
        string.Join(" <-> ", cycle) + " (" + string.Join(", ", cycle.SelectMany(a => cycle.Where(b => b != a && Graph.UsedBy(a).Contains(b))
            .Select(b => $"{a} -> {b}: {Graph.Example(a, b)}"))) + ")";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Rapport.slnx not found above the test folder.");
    }
}
