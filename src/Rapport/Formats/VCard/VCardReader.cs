using System.Text;

namespace Rapport.Formats.VCard;

/// <summary>Reads vCard 4.0, 3.0 and 2.1 files (phones, Google Contacts, Apple Contacts, Outlook).
/// Never throws on bad content: a file that cannot be used at all gets a <see cref="VCardReadResult.FileError"/>,
/// a broken card a <see cref="VCardProblem"/> while the other cards are still returned.</summary>
/// <remarks>
/// Text: UTF-8 with or without BOM, UTF-16 with BOM (or starting "BEGIN" without one); a value that is not
/// valid UTF-8 is read as Windows-1252. vCard 2.1 QUOTED-PRINTABLE values are decoded with their CHARSET, and
/// the ENCODING and CHARSET parameters are then removed. Inline binary data (ENCODING=b or BASE64, or a data:
/// URI in PHOTO, LOGO, SOUND or KEY) is dropped without being decoded: such a property is not in the card.
/// The embedded card of a 2.1 AGENT is skipped. VERSION is <see cref="VCard.Version"/>, not a property.
/// Values keep any control characters they hold; the writer drops them. After 1,000 problems reading stops.
/// </remarks>
public static class VCardReader
{
    public const long MaxBytes = 25 * 1024 * 1024;
    public const int MaxCards = 50_000;

    /// <summary>Property lines in the whole file: 20 for each of <see cref="MaxCards"/> contacts, more than a
    /// real export under 25 MB holds. It bounds the memory a file of millions of tiny lines would take.</summary>
    public const int MaxProperties = 1_000_000;

    /// <summary>Characters in one line after unfolding; a longer line makes its card a problem
    /// (inline binary data, which is dropped, does not count).</summary>
    public const int MaxLineLength = 1_000_000;

    private const string TooLarge = "The file is larger than 25 MB.";
    private const string Empty = "The file is empty.";

    /// <summary>Reads the stream from its current position to its end.</summary>
    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    /// <exception cref="ArgumentException">The stream cannot be read (closed, or write-only).</exception>
    public static VCardReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead) throw new ArgumentException("The stream cannot be read; it may be closed.", nameof(stream));
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes) return VCardReadResult.Unusable(TooLarge);

        var bytes = ReadAtMost(stream, MaxBytes + 1, out var length);
        return length > MaxBytes ? VCardReadResult.Unusable(TooLarge) : ReadBytes(bytes, length);
    }

    public static VCardReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes || Encoding.UTF8.GetByteCount(text) > MaxBytes) return VCardReadResult.Unusable(TooLarge);
        var bytes = Encoding.UTF8.GetBytes(text);
        return ReadBytes(bytes, bytes.Length);
    }

    private static VCardReadResult ReadBytes(byte[] bytes, int length)
    {
        var span = bytes.AsSpan(0, length);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return ReadUtf8OrLegacy(bytes, 3, length);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return ReadUtf16(span[2..], bigEndian: false);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return ReadUtf16(span[2..], bigEndian: true);
        // Without a BOM, UTF-16 shows itself by a zero byte beside each ASCII letter of "BEGIN".
        if (span.Length >= 4 && span[0] != 0 && span[1] == 0 && span[2] != 0 && span[3] == 0)
            return ReadUtf16(span, bigEndian: false);
        if (span.Length >= 4 && span[0] == 0 && span[1] != 0 && span[2] == 0 && span[3] != 0)
            return ReadUtf16(span, bigEndian: true);
        return ReadUtf8OrLegacy(bytes, 0, length);
    }

    private static VCardReadResult ReadUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var utf8 = VCardEncodings.Utf16ToUtf8(bytes, bigEndian);
        return utf8.Length > MaxBytes ? VCardReadResult.Unusable(TooLarge) : ReadUtf8OrLegacy(utf8, 0, utf8.Length);
    }

    /// <param name="bytes">UTF-8, or an 8-bit encoding; parsing compacts it in place.</param>
    private static VCardReadResult ReadUtf8OrLegacy(byte[] bytes, int start, int end)
    {
        var content = bytes.AsSpan(start, end - start);
        // No text format puts NUL bytes in a vCard; images, archives and UTF-32 do.
        if (content.Contains((byte)0)) return VCardReadResult.Unusable("This file holds binary data, not vCard text.");
        if (ContentLineReader.IsBlank(content)) return VCardReadResult.Unusable(Empty);
        return VCardParser.Parse(bytes, start, end);
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes: one more than the size limit tells that the file
    /// is too large without reading all of it.</summary>
    private static byte[] ReadAtMost(Stream stream, long limit, out int length)
    {
        // A seekable stream says its size, so the buffer is exact; otherwise start small and double.
        var size = stream.CanSeek ? Math.Min(limit, stream.Length - stream.Position) : 64 * 1024;
        var buffer = new byte[Math.Max(size, 1)];
        length = 0;
        while (length < limit)
        {
            if (length == buffer.Length)
            {
                // Probe before growing, so a stream that was exactly as long as it said costs no second buffer.
                var next = stream.ReadByte();
                if (next < 0) break;
                Array.Resize(ref buffer, (int)Math.Min(limit, (long)buffer.Length * 2));
                buffer[length++] = (byte)next;
                continue;
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }
        return buffer;
    }
}
