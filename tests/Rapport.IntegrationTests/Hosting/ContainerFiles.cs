using System.Text.RegularExpressions;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>What the Dockerfile and compose.yaml set for Rapport, read from the files themselves (line by line: both
/// are written plainly enough, and a test that needs a YAML library to read them would be a sign they are not).</summary>
public static partial class ContainerFiles
{
    public static string Dockerfile => File.ReadAllText(Repository.PathOf("Dockerfile"));

    public static string Compose => File.ReadAllText(Repository.PathOf("compose.yaml"));

    /// <summary>The run stage's ENV variables (the last FROM onwards), continuation lines joined.</summary>
    public static Dictionary<string, string> DockerfileEnvironment()
    {
        var run = Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..].Replace("\\\n", " ");
        var found = new Dictionary<string, string>();
        foreach (var line in run.Split('\n').Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)))
            foreach (Match pair in EnvPair().Matches(line[4..])) found[pair.Groups[1].Value] = pair.Groups[2].Value;
        return found;
    }

    /// <summary>The first argument of each instruction of the run stage named <paramref name="instruction"/>.</summary>
    public static List<string> DockerfileRun(string instruction) => Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..]
        .Split('\n').Where(l => l.StartsWith(instruction + " ", StringComparison.Ordinal)).Select(l => l[(instruction.Length + 1)..].Trim()).ToList();

    /// <summary>One service's block of compose.yaml: <c>environment</c> as a map, <c>volumes</c> and <c>ports</c> as lists.</summary>
    public static (Dictionary<string, string> Environment, List<string> Volumes, List<string> Ports) ComposeService(string service)
    {
        var lines = Compose.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == $"  {service}:");
        Assert.True(start >= 0, $"compose.yaml has no service {service}.");
        var environment = new Dictionary<string, string>();
        var volumes = new List<string>();
        var ports = new List<string>();
        string? block = null;
        for (var i = start + 1; i < lines.Length && (lines[i].Length == 0 || lines[i].StartsWith("    ", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith('#')); i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!line.StartsWith("      ", StringComparison.Ordinal)) { block = line.Trim().TrimEnd(':'); continue; }
            var item = line.Trim();
            switch (block)
            {
                case "environment":
                    var colon = item.IndexOf(':');
                    environment[item[..colon].Trim()] = item[(colon + 1)..].Trim();
                    break;
                case "volumes": volumes.Add(item.TrimStart('-', ' ').Trim('"')); break;
                case "ports": ports.Add(item.TrimStart('-', ' ').Trim('"')); break;
            }
        }
        return (environment, volumes, ports);
    }

    /// <summary>The environment variables of the README's settings table.</summary>
    public static HashSet<string> DocumentedSettings()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var table = readme[readme.IndexOf("## Settings", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => SettingName().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value)).ToHashSet();
    }

    /// <summary>Substitutes <c>${NAME}</c>, <c>${NAME:-default}</c> and <c>${NAME:?message}</c> as compose does.</summary>
    public static string Interpolate(string value, IReadOnlyDictionary<string, string> variables) => Variable().Replace(value, m =>
        variables.TryGetValue(m.Groups[1].Value, out var set) ? set
        : m.Groups[2].Value == ":-" ? m.Groups[3].Value
        : throw new InvalidOperationException($"compose would stop: {m.Groups[1].Value} is not set ({m.Groups[3].Value})."));

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9_]*)`")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|:\?)([^}]*))?\}")]
    private static partial Regex Variable();
}
