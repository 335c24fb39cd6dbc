namespace Rapport.Domain;

/// <summary>What a stored web link may be: an absolute http or https address with a host. Anything
/// else (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, a bare word) would be a link the page should
/// never show, so it is never stored.</summary>
public static class WebAddress
{
    public static bool IsWebLink(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        // Browsers skip control characters and spaces inside a scheme ("java\tscript:"), so such a value is refused outright.
        var trimmed = text.Trim();
        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return false;
        if (!trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return false;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
    }
}
