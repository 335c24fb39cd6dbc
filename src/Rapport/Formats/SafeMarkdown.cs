using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rapport.Formats;

/// <summary>Renders the user's Markdown notes to HTML that cannot run script: raw HTML is shown as
/// text, links keep only http, https and mailto (DisableHtml alone lets "javascript:" through),
/// images become plain links (a remote image would tell its server when a note is read), and
/// input nested past the parser's depth limit is shown as plain text.</summary>
public static class SafeMarkdown
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    // No generic-attributes extension: "{hx-get=...}" would let a note add htmx attributes.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested past its depth limit ("> > > ..." thousands deep): show it as typed.
            return PlainText(markdown);
        }
        foreach (var link in document.Descendants<LinkInline>().ToList()) Neutralise(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so do the same.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (!Uri.TryCreate(compact, UriKind.Absolute, out var uri)) return false;
        return AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void Neutralise(LinkInline link)
    {
        if (link.IsImage)
        {
            // Show the picture's address as a link the person can choose to open.
            link.IsImage = false;
            if (link.FirstChild is null) link.AppendChild(new LiteralInline(link.Url ?? "image"));
        }
        if (!IsAllowed(link.Url))
        {
            var text = new ContainerInline();
            while (link.FirstChild is { } child)
            {
                child.Remove();
                text.AppendChild(child);
            }
            link.ReplaceBy(text);
            return;
        }
        link.GetAttributes().AddProperty("rel", "nofollow noopener noreferrer");
    }

    private static string PlainText(string text) =>
        "<p>" + WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>\n") + "</p>\n";
}
