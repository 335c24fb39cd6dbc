using System.Net;
using System.Text.RegularExpressions;

namespace Rapport.Bench.Capacity;

/// <summary>One form of a page and what a browser would send from it: its inputs (checked boxes only, no
/// buttons), its text areas and the chosen option of each list, token and version stamps included. A person's
/// write then changes a field or two and posts the rest as it came, as a real edit does.</summary>
public sealed partial class HtmlForm(string action, List<KeyValuePair<string, string>> fields)
{
    public string Action { get; } = action;

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    public string? this[string name] => fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>Types into a field (the first of that name), or adds it.</summary>
    public HtmlForm Set(string name, string value)
    {
        var at = fields.FindIndex(f => f.Key == name);
        if (at >= 0) fields[at] = new(name, value);
        else fields.Add(new(name, value));
        return this;
    }

    public FormUrlEncodedContent Content() => new(fields);

    /// <summary>The forms of <paramref name="html"/> that post, in page order; a form without an action posts
    /// back to <paramref name="page"/>.</summary>
    public static IReadOnlyList<HtmlForm> PostFormsOf(string html, string page)
    {
        var forms = new List<HtmlForm>();
        foreach (Match form in FormTag().Matches(html))
        {
            var attributes = Attributes(form.Groups["attributes"].Value);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase)) continue;
            forms.Add(new HtmlForm(attributes.GetValueOrDefault("action") ?? page, FieldsOf(form.Groups["body"].Value)));
        }
        return forms;
    }

    /// <summary>The first posting form whose action satisfies <paramref name="wanted"/>, or null.</summary>
    public static HtmlForm? Find(string html, string page, Func<string, bool> wanted) =>
        PostFormsOf(html, page).FirstOrDefault(f => wanted(f.Action));

    private static List<KeyValuePair<string, string>> FieldsOf(string body)
    {
        var fields = new List<(int At, string Name, string Value)>();
        foreach (Match input in InputTag().Matches(body))
        {
            var a = Attributes(input.Groups["attributes"].Value);
            if (a.GetValueOrDefault("name") is not { Length: > 0 } name || a.ContainsKey("disabled")) continue;
            var type = a.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
            if (type is "submit" or "button" or "reset" or "image" or "file") continue;
            if (type is "checkbox" or "radio" && !a.ContainsKey("checked")) continue;
            fields.Add((input.Index, name, a.GetValueOrDefault("value") ?? (type is "checkbox" or "radio" ? "on" : "")));
        }
        foreach (Match area in TextAreaTag().Matches(body))
        {
            var a = Attributes(area.Groups["attributes"].Value);
            if (a.GetValueOrDefault("name") is not { Length: > 0 } name || a.ContainsKey("disabled")) continue;
            // HTML drops one newline straight after the opening tag.
            var text = WebUtility.HtmlDecode(area.Groups["text"].Value);
            fields.Add((area.Index, name, text.StartsWith('\n') ? text[1..] : text.StartsWith("\r\n", StringComparison.Ordinal) ? text[2..] : text));
        }
        foreach (Match select in SelectTag().Matches(body))
        {
            var a = Attributes(select.Groups["attributes"].Value);
            if (a.GetValueOrDefault("name") is not { Length: > 0 } name || a.ContainsKey("disabled")) continue;
            var options = OptionTag().Matches(select.Groups["options"].Value)
                .Select(o => (Attributes: Attributes(o.Groups["attributes"].Value), Text: WebUtility.HtmlDecode(o.Groups["text"].Value).Trim()))
                .ToList();
            if (options.Count == 0) continue;
            var chosen = options.FirstOrDefault(o => o.Attributes.ContainsKey("selected"), options[0]);
            fields.Add((select.Index, name, chosen.Attributes.GetValueOrDefault("value") ?? chosen.Text));
        }
        return fields.OrderBy(f => f.At).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
    }

    private static Dictionary<string, string?> Attributes(string text)
    {
        var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Attribute().Matches(text))
        {
            var value = a.Groups["double"].Success ? a.Groups["double"].Value
                : a.Groups["single"].Success ? a.Groups["single"].Value
                : a.Groups["bare"].Success ? a.Groups["bare"].Value : null;
            attributes.TryAdd(a.Groups["name"].Value, value is null ? null : WebUtility.HtmlDecode(value));
        }
        return attributes;
    }

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex(@"<input\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"<textarea\b(?<attributes>[^>]*)>(?<text>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaTag();

    [GeneratedRegex(@"<select\b(?<attributes>[^>]*)>(?<options>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectTag();

    [GeneratedRegex(@"<option\b(?<attributes>[^>]*)>(?<text>[^<]*)", RegexOptions.IgnoreCase)]
    private static partial Regex OptionTag();

    [GeneratedRegex(@"(?<name>[A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:""(?<double>[^""]*)""|'(?<single>[^']*)'|(?<bare>[^\s""'>]+)))?")]
    private static partial Regex Attribute();
}
