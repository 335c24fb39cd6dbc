namespace Rapport.Domain;

/// <summary>What a form field saves. A browser sends an untouched one-line input back without its line breaks (an
/// imported LinkedIn position "Rear Admiral⏎US Navy" comes back "Rear AdmiralUS Navy"), and an untouched text area
/// with CRLF line ends. A field the person did not change keeps what was stored, exactly: line breaks, tabs, spaces at
/// its ends, every character. Only what they typed is cleaned (trimmed; blank is nothing).</summary>
public static class FieldEdit
{
    /// <summary>A one-line input: the stored value when it came back untouched, else the typing trimmed (null when blank).</summary>
    public static string? Line(string? stored, string? posted) => IsUntouchedLine(stored, posted) ? stored : Blank(posted);

    /// <summary>A text area: the stored value when it came back untouched, else the typing (null when blank), trimmed
    /// only when <paramref name="trim"/>.</summary>
    public static string? Text(string? stored, string? posted, bool trim = false) =>
        stored is not null && LineEnds(stored) == LineEnds(posted ?? "") ? stored
            : string.IsNullOrWhiteSpace(posted) ? null : trim ? posted.Trim() : posted;

    /// <summary>Whether a one-line input came back as a browser sends <paramref name="stored"/> untouched: without line
    /// breaks, and for email and web address inputs also without spaces at the ends.</summary>
    public static bool IsUntouchedLine(string? stored, string? posted)
    {
        if (stored is null) return false;
        var sent = WithoutLineBreaks(stored);
        return sent == (posted ?? "") || (posted is { Length: > 0 } && posted.Trim() == posted && sent.Trim() == posted);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string WithoutLineBreaks(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    private static string LineEnds(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
