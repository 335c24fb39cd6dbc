using System.Text.RegularExpressions;
using Rapport.Domain;

namespace Rapport.Web;

/// <summary>What a log line may never hold, in one place: tokens by their prefix (<see cref="TokenPrefixes"/>),
/// the values of sensitive names in query strings, forms and connection strings, bearer tokens and protected
/// payloads (cookies, form tokens). The shape stays, so the line still says what happened:
/// <c>/calendar/rpcal_[redacted].ics</c>, <c>?code=[redacted]&amp;returnUrl=/today</c>.</summary>
public static partial class LogRedaction
{
    public const string Marker = "[redacted]";

    // A prefix (its underscore perhaps percent-encoded), then any token characters; not inside a longer word
    // ("scrap_"), though perhaps right after a percent-encoded character (an address inside an address: "%2Frinv_").
    private static readonly Regex Tokens = new(
        "(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2}))(" + string.Join("|", TokenPrefixes.All.Select(p => Regex.Escape(p[..^1]))) + ")(_|%5F)[A-Za-z0-9_-]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // name=value after the start, a separator or a space: a name holding password, secret or token anywhere
    // (Input.Password, __RequestVerificationToken, access_token), or one of a few short names used for secrets.
    [GeneratedRegex("""(?<=^|[?&;\s,"'(])((?:[A-Za-z0-9_.\[\]-]*(?:password|passphrase|passwd|secret|token)[A-Za-z0-9_.\[\]-]*|code|key|apikey|api_key|pwd|sig|signature|invite|invitation)=)[^&;\s#"'<>]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensitiveValues();

    [GeneratedRegex(@"(?<=\bBearer\s+)[^\s,;""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerValues();

    // ASP.NET data protection output (sign-in and antiforgery cookies, form tokens) starts with CfDJ8.
    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]{8,}")]
    private static partial Regex ProtectedPayloads();

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="Marker"/>.</summary>
    public static string Redact(string text)
    {
        if (text.Length == 0) return text;
        var redacted = Tokens.Replace(text, "$1$2" + Marker);
        redacted = SensitiveValues().Replace(redacted, "$1" + Marker);
        redacted = BearerValues().Replace(redacted, Marker);
        return ProtectedPayloads().Replace(redacted, Marker);
    }

    /// <summary>A value of a log line's structure, redacted: text as text; numbers, dates and the like kept
    /// as they are (they hold no secret, and structured logs keep their type); anything else by its text.</summary>
    public static object? RedactValue(object? value)
    {
        switch (value)
        {
            case null: return null;
            case string text: return Redact(text);
            case bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                or DateTime or DateTimeOffset or TimeSpan or Guid or Enum or DateOnly or TimeOnly:
                return value;
            case System.Collections.IEnumerable items:
                var parts = items.Cast<object?>().Select(item => RedactValue(item)?.ToString()).ToArray();
                return parts;
            default:
                var shown = value.ToString() ?? "";
                var safe = Redact(shown);
                return ReferenceEquals(shown, safe) || shown == safe ? value : safe;
        }
    }
}
