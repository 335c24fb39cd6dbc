using System.Text;
using System.Text.Unicode;

namespace Rapport.Formats.LinkedIn;

/// <summary>Turns the uploaded bytes into text without ever inventing U+FFFD: a byte-order mark decides
/// UTF-8 or UTF-16, valid UTF-8 stays UTF-8, and anything else is what Excel on Windows saves (Windows-1252).</summary>
internal static class CsvTextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(false, false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(true, false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = LoadWindows1252();

    /// <summary>Returns the text, or null with an error for the user.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var rest = bytes[3..];
            if (Utf8.IsValid(rest)) return StrictUtf8.GetString(rest);
            error = "The file says it is UTF-8 but holds bytes that are not. Save it again as CSV UTF-8 (comma-separated).";
            return null;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return DecodeUtf16(bytes[2..], StrictUtf16Le, out error);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeUtf16(bytes[2..], StrictUtf16Be, out error);
        return Utf8.IsValid(bytes) ? StrictUtf8.GetString(bytes) : Windows1252.GetString(bytes);
    }

    private static string? DecodeUtf16(ReadOnlySpan<byte> bytes, Encoding encoding, out string? error)
    {
        error = null;
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            error = "The file says it is UTF-16 (Unicode Text) but is damaged. Save it again as CSV UTF-8 (comma-separated).";
            return null;
        }
    }

    private static Encoding LoadWindows1252()
    {
        // .NET Core ships only the Unicode encodings until the code-page provider is registered; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
