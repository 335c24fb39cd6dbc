using System.Text;
using System.Text.Unicode;

namespace Rapport.Formats.LinkedIn;

/// <summary>Undoes UTF-8 that was read as Latin-1 (or Windows-1252) and written out again: LinkedIn's messages.csv
/// sometimes holds "ZoÃ«" for "Zoë". Text that does not round-trip to valid UTF-8 is left as it is, so a real
/// "Ã" (as in "SÃO PAULO") survives.</summary>
public static class DoubleEncodedText
{
    private static readonly Encoding Windows1252 = LoadWindows1252();

    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Only the lead bytes of two- to four-byte UTF-8 sequences show as these letters when misread.
        if (!text.Any(c => c is >= '\u00C2' and <= '\u00F4')) return text;
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!ByteOf(text[i], out bytes[i])) return text;
        }
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : text;
    }

    /// <summary>The byte a Latin-1 or Windows-1252 reader turned into <paramref name="c"/>.</summary>
    private static bool ByteOf(char c, out byte value)
    {
        value = 0;
        if (c <= '\u00FF')
        {
            value = (byte)c;
            return true;
        }
        var encoded = Windows1252.GetBytes([c]);
        if (encoded.Length != 1 || encoded[0] == (byte)'?') return false;
        value = encoded[0];
        return true;
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
