namespace Rapport.Domain;

/// <summary>What a stored web link may be: an absolute http or https address with a host. Anything
/// else (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, a bare word) would be a link the page should
/// never show, so it is never stored.</summary>
public static class WebAddress
{
    public static bool IsWebLink(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        // Read as a browser reads an href: spaces and controls around it dropped, tabs and line breaks inside it
        // removed ("java\tscript:" is "javascript:" to a browser).
        var url = new string(text.Trim().Trim(Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray()).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return false;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
    }
}
