using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Rapport.Features.Shared;

/// <summary>The shapes of the Lucide icons the build copied into wwwroot/lib/lucide (Rapport.csproj lists them), read
/// once each. Drawn inline, so they take the text's colour and need no request or style attribute.</summary>
public sealed partial class IconSet(IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, string> _shapes = new();

    /// <summary>The inside of the icon's <c>&lt;svg&gt;</c>; a name the build did not copy is a mistake in the page, so it throws.</summary>
    public string Shapes(string name) => _shapes.GetOrAdd(name, Read);

    private string Read(string name)
    {
        if (!IconName().IsMatch(name)) throw new ArgumentException($"'{name}' is not an icon name.", nameof(name));
        var file = environment.WebRootFileProvider.GetFileInfo($"lib/lucide/{name}.svg");
        if (!file.Exists) throw new InvalidOperationException($"The icon '{name}' is not among those Rapport.csproj copies (LucideIcon).");
        using var reader = new StreamReader(file.CreateReadStream());
        var svg = reader.ReadToEnd();
        var open = svg.IndexOf('>', svg.IndexOf("<svg", StringComparison.Ordinal)) + 1;
        var close = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        return Whitespace().Replace(svg[open..close], " ").Trim();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IconName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
