using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Rapport.Formats.VCard;

/// <summary>Bytes to text. Valid UTF-8 is read as UTF-8; anything else is taken to be Windows-1252 (what
/// Outlook and old Windows tools write), decided per line so one odd card does not garble the others.</summary>
internal static class VCardEncodings
{
    private static readonly Lazy<Encoding> Windows1252Encoding = new(LoadWindows1252);

    public static Encoding Windows1252 => Windows1252Encoding.Value;

    public static string Decode(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1252.GetString(bytes);

    /// <summary>The number of characters <see cref="Decode"/> would return, without decoding.</summary>
    public static int CharCount(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetCharCount(bytes) : bytes.Length;

    /// <summary>Decodes a value that came with a CHARSET parameter (vCard 2.1). Quoted-printable bytes are
    /// exactly what the declared charset says. Raw bytes that are valid UTF-8 stay UTF-8 even under another
    /// label: files are often re-saved as UTF-8 with the old CHARSET left in place.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, bool quotedPrintable)
    {
        var declared = Lookup(charset);
        if (declared is null) return Decode(bytes);
        if (!quotedPrintable && Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        return declared.GetString(bytes);
    }

    /// <summary>Turns UTF-16 file content into UTF-8 so the rest of the reader works on one byte form.</summary>
    public static byte[] Utf16ToUtf8(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var chars = new char[bytes.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            var unit = bytes.Slice(2 * i, 2);
            chars[i] = (char)(bigEndian
                ? BinaryPrimitives.ReadUInt16BigEndian(unit)
                : BinaryPrimitives.ReadUInt16LittleEndian(unit));
        }
        JoinSurrogatesSplitByFolds(chars);
        // Lone surrogates become U+FFFD here rather than failing the file.
        return Encoding.UTF8.GetBytes(chars);
    }

    /// <summary>A writer that folds UTF-16 text may put the fold between the two halves of a surrogate pair;
    /// moving the low half before the fold keeps the line count and lets the pair decode.</summary>
    private static void JoinSurrogatesSplitByFolds(char[] chars)
    {
        for (var i = 0; i < chars.Length - 2; i++)
        {
            if (!char.IsHighSurrogate(chars[i])) continue;
            var j = i + 1;
            if (chars[j] == '\r') j++;
            if (j < chars.Length && chars[j] == '\n') j++;
            if (j == i + 1 || j + 1 >= chars.Length) continue;
            if ((chars[j] != ' ' && chars[j] != '\t') || !char.IsLowSurrogate(chars[j + 1])) continue;
            var low = chars[j + 1];
            Array.Copy(chars, i + 1, chars, i + 2, j - i);
            chars[i + 1] = low;
        }
    }

    private static Encoding? Lookup(string? charset)
    {
        var name = charset?.Trim().ToLowerInvariant();
        switch (name)
        {
            case null or "" or "utf-8" or "utf8" or "us-ascii" or "ascii":
                // ASCII labels are common on text that is really UTF-8 or Windows-1252; the default covers both.
                return null;
            case "iso-8859-1" or "iso8859-1" or "latin1" or "l1":
                // As browsers do: Windows-1252 is ISO-8859-1 plus printable characters in 0x80-0x9F.
                return Windows1252;
        }
        _ = Windows1252; // registers the code-page provider, without which only Unicode names are known
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // An unknown name, or one .NET refuses (UTF-7): fall back to the default rather than fail the file.
            return null;
        }
    }

    private static Encoding LoadWindows1252()
    {
        // .NET ships only the Unicode encodings until the code-page provider is registered; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
