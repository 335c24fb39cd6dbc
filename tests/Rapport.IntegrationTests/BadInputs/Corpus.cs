using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>The bad-input fixtures beside this file (copied to the test output): whole files for the
/// importers, and one-case-a-line lists for fields. A case is named "folder/file:line", so a failing
/// theory row says which fixture broke.</summary>
public static partial class Corpus
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "BadInputs");

    public static byte[] File(string name) => System.IO.File.ReadAllBytes(Path.Combine(Root, name));

    /// <summary>The files of a folder, as theory rows.</summary>
    public static TheoryData<string> Files(string folder)
    {
        var rows = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Root, folder)).Order(StringComparer.Ordinal))
            rows.Add(folder + "/" + Path.GetFileName(path));
        return rows;
    }

    /// <summary>The cases of a list file, as theory rows named "folder/file:line".</summary>
    public static TheoryData<string> Lines(string list)
    {
        var rows = new TheoryData<string>();
        foreach (var (line, _) in Read(list)) rows.Add($"{list}:{line}");
        return rows;
    }

    /// <summary>The text of the case named "folder/file:line".</summary>
    public static string Case(string name)
    {
        var colon = name.LastIndexOf(':');
        var line = int.Parse(name[(colon + 1)..], CultureInfo.InvariantCulture);
        return Read(name[..colon]).Single(c => c.Line == line).Text;
    }

    private static IEnumerable<(int Line, string Text)> Read(string list)
    {
        var lines = System.IO.File.ReadAllText(Path.Combine(Root, list), Encoding.UTF8).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (text.Length == 0 || text.StartsWith("# ", StringComparison.Ordinal) || text == "#") continue;
            yield return (i + 1, CodePoint().Replace(text, m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
        }
    }

    [GeneratedRegex(@"\{U\+([0-9A-Fa-f]{4,6})\}")]
    private static partial Regex CodePoint();

    /// <summary>Never a server error, whatever came in.</summary>
    public static void NoServerError(HttpResponseMessage response, string what) =>
        Assert.True((int)response.StatusCode < 500, $"{what}: answered {(int)response.StatusCode} {response.StatusCode}");

    public static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther;

    private static readonly HashSet<string> Dangerous = ["iframe", "frame", "object", "embed", "base", "style", "link", "applet"];
    private static readonly HashSet<string> UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete", "poster", "background"];

    /// <summary>Fails when the page holds anything a stored payload could have added: event handler
    /// attributes, script or frames of its own, links to script or data URLs, htmx that fires on load
    /// or reaches another site, a base or refresh tag.</summary>
    public static void NothingInjected(HtmlPage page, string where)
    {
        foreach (var element in page.Document.All)
        {
            var tag = element.LocalName;
            var inBody = element.Closest("body") is not null;
            if (inBody && Dangerous.Contains(tag)) Assert.Fail($"{where}: a <{tag}> element in the page: {Excerpt(element)}");
            if (tag == "meta" && element.HasAttribute("http-equiv")) Assert.Fail($"{where}: a <meta http-equiv> in the page: {Excerpt(element)}");
            if (tag == "script" && !(element.GetAttribute("src") ?? "").StartsWith('/')) Assert.Fail($"{where}: a script that is not the app's own: {Excerpt(element)}");
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) || name.StartsWith("hx-on", StringComparison.Ordinal))
                    Assert.Fail($"{where}: an event handler attribute '{name}': {Excerpt(element)}");
                if (name == "hx-trigger" && attribute.Value.Contains("load", StringComparison.OrdinalIgnoreCase))
                    Assert.Fail($"{where}: htmx fires on load: {Excerpt(element)}");
                if (name is "autofocus" && !(tag is "input" or "textarea" or "select")) Assert.Fail($"{where}: autofocus on a <{tag}>");
                if (UrlAttributes.Contains(name) && !SafeUrl(name, attribute.Value))
                    Assert.Fail($"{where}: {name}=\"{attribute.Value}\" on {Excerpt(element)}");
            }
        }
    }

    /// <summary>The validation messages on a page, for a failure to show.</summary>
    public static string Errors(HtmlPage page) => string.Join("; ", page.Document.QuerySelectorAll("[data-valmsg-for]")
        .Where(e => e.TextContent.Trim().Length > 0).Select(e => e.GetAttribute("data-valmsg-for") + ": " + e.TextContent.Trim()));

    private static bool SafeUrl(string name, string value)
    {
        var compact = new string(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (compact.Length == 0 || compact[0] is '/' && !compact.StartsWith("//", StringComparison.Ordinal) || compact[0] is '?' or '#') return true;
        // A plain link may lead anywhere the person typed; what sends a request by itself may not leave the app.
        if (name is not "href" && compact.Contains("evil.example", StringComparison.OrdinalIgnoreCase)) return false;
        return compact.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || compact.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || compact.StartsWith("tel:", StringComparison.OrdinalIgnoreCase);
    }

    private static string Excerpt(IElement element) => element.OuterHtml.Length > 200 ? element.OuterHtml[..200] : element.OuterHtml;

    /// <summary>Fails when the person's rows differ from <paramref name="before"/>, naming the tables.</summary>
    public static async Task UnchangedAsync(RapportApp app, string userId, OwnedRowsChecksum before, string what, params string[] ignoring)
    {
        var after = await OwnedRowsChecksum.OfAsync(app, userId);
        var changed = after.ChangedSince(before).Except(ignoring).ToList();
        Assert.True(changed.Count == 0, $"{what}: refused, yet rows changed in {string.Join(", ", changed)}");
    }

    /// <summary>GETs a page as the person; never a server error; nothing injected.</summary>
    public static async Task<HtmlPage> OpenSafelyAsync(AppClient client, string url)
    {
        var response = await client.GetAsync(url);
        NoServerError(response, "GET " + url);
        var page = await HtmlPage.ReadAsync(response, url);
        NothingInjected(page, url);
        return page;
    }
}
