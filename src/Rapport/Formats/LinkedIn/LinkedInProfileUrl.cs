using System.Globalization;
using System.Text;

namespace Rapport.Formats.LinkedIn;

/// <summary>One spelling per LinkedIn profile, so the same person matches across imports:
/// "uk.linkedin.com/in/Ada-Lovelace/?trk=x" becomes "https://www.linkedin.com/in/ada-lovelace".
/// Parsed by hand (no Uri parsing, no regex) so every accepted character is one this code chose.</summary>
public static class LinkedInProfileUrl
{
    /// <summary>A normalised URL is never longer than this (Contact.UrlMaxLength), or it is refused.</summary>
    public const int MaxResultLength = 300;
    private const int MaxLength = 2048;
    private const int MaxSlugLength = 200;
    private const string Origin = "https://www.linkedin.com/";

    public static string? Normalize(string? url)
    {
        var normalized = NormalizeUnbounded(url);
        return normalized is { Length: <= MaxResultLength } ? normalized : null;
    }

    private static string? NormalizeUnbounded(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var text = url.Trim();
        if (text.Length > MaxLength || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return null;

        var rest = StripScheme(text);
        if (rest is null) return null;
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var host = authorityEnd < 0 ? rest : rest[..authorityEnd];
        if (!IsLinkedInHost(host) || authorityEnd < 0 || rest[authorityEnd] != '/') return null;

        var path = rest[authorityEnd..];
        var pathEnd = path.IndexOfAny(['?', '#']);
        if (pathEnd >= 0) path = path[..pathEnd];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2) return null;

        var kind = segments[0].ToLowerInvariant();
        if (kind == "in")
        {
            // Anything after the slug ("/details/experience", a language code) is a view of the same profile.
            var slug = Slug(segments[1]);
            return slug is null ? null : Origin + "in/" + slug;
        }
        if (kind == "pub" && !segments[1].Equals("dir", StringComparison.OrdinalIgnoreCase))
        {
            // Old public profiles: /pub/name/123/456/789, all parts identify the person.
            var parts = segments[1..].Select(Slug).ToArray();
            return parts.Any(p => p is null) ? null : Origin + "pub/" + string.Join('/', parts);
        }
        return null;
    }

    /// <summary>The text after "http(s)://" or "//", or the text itself when it has no scheme; null for other schemes.</summary>
    private static string? StripScheme(string text)
    {
        foreach (var prefix in new[] { "https://", "http://", "//" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return text[prefix.Length..];
        }
        // "javascript:", "mailto:", "ftp://" or a port before the first slash.
        var slash = text.IndexOf('/');
        return text.AsSpan(0, slash < 0 ? text.Length : slash).Contains(':') ? null : text;
    }

    /// <summary>linkedin.com or any subdomain of it (www., uk., m., ...); no user info, no port, ASCII only.</summary>
    private static bool IsLinkedInHost(string host)
    {
        host = host.ToLowerInvariant();
        if (host == "linkedin.com") return true;
        if (!host.EndsWith(".linkedin.com", StringComparison.Ordinal)) return false;
        var labels = host[..^".linkedin.com".Length].Split('.');
        return labels.All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    /// <summary>Percent-decoded, NFC, lower-cased; null unless it is letters, digits, marks, '-' and '_'.
    /// An escape that is not UTF-8 stays undecoded and its '%' fails the check, as do "%2F" and "..".</summary>
    private static string? Slug(string segment)
    {
        var decoded = segment.Contains('%') ? Uri.UnescapeDataString(segment) : segment;
        if (decoded.Length is 0 or > MaxSlugLength || !decoded.All(IsSlugChar)) return null;
        return decoded.Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    // Checked per UTF-16 unit, so no lone surrogate reaches Normalize (which would throw).
    private static bool IsSlugChar(char c) =>
        c is '-' or '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
