using System.Text.RegularExpressions;

namespace Rapport.Formats.VCard;

/// <summary>TEL values. vCard 4.0 writes a number as a tel: URI (<c>TEL;VALUE=uri:tel:+81-3-5555-0101</c>, RFC 6350
/// 6.4.1 and RFC 3966); 3.0 and 2.1 as plain text, and some writers put a tel: URI there too. A number is kept without
/// its scheme, so it is shown, linked and matched as the person would write it.</summary>
public static partial class VCardTel
{
    private const string Scheme = "tel:";

    /// <summary>The number a TEL value holds, without a tel: scheme (and its percent escapes) when it is a URI.</summary>
    public static string Number(string value)
    {
        var text = value.Trim();
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return text;
        text = text[Scheme.Length..];
        try
        {
            text = Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            // A stray '%' is text, as written.
        }
        return text.Trim();
    }

    /// <summary>The 4.0 value of a number: a tel: URI when the number is one as written (digits and the visual
    /// separators - . ( ), an optional leading +), else null: a number with spaces or words stays text, so it comes
    /// back exactly as it was stored.</summary>
    public static string? AsUri(string number) => TelUri().IsMatch(number) ? Scheme + number : null;

    [GeneratedRegex(@"^\+?[0-9().\-]*[0-9][0-9().\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TelUri();
}
