using System.Reflection;

namespace Rapport.Features.About;

/// <summary>Which Rapport this is: the version of <c>Directory.Build.props</c> and the commit it was built from, read
/// from the informational version the build writes (<c>0.1.0+1a2b3c…</c>). A build outside a clone has no commit.</summary>
public sealed record BuildInfo(string Version, string? Commit)
{
    public static BuildInfo Current { get; } = Parse(
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>The commit as people quote it: its first twelve characters.</summary>
    public string? ShortCommit => Commit is null ? null : Commit[..Math.Min(12, Commit.Length)];

    public static BuildInfo Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion)) return new("unknown", null);
        var plus = informationalVersion.IndexOf('+');
        if (plus < 0) return new(informationalVersion, null);
        var commit = informationalVersion[(plus + 1)..];
        // Only a commit id counts: other build metadata (a CI label, say) is not one.
        return new(informationalVersion[..plus], commit.Length >= 7 && commit.All(Uri.IsHexDigit) ? commit.ToLowerInvariant() : null);
    }
}
