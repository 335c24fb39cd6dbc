namespace Rapport.Formats.VCard;

/// <summary>Decodes vCard 2.1 QUOTED-PRINTABLE values. Soft line breaks were already joined by
/// <see cref="ContentLineReader"/>, so here "=" must be followed by two hex digits (either case, as some
/// phones write lower case) or end the value.</summary>
internal static class QuotedPrintable
{
    /// <summary>Returns the decoded bytes, or null with the offending text (at most a few characters).</summary>
    public static byte[]? Decode(ReadOnlySpan<byte> encoded, out string? invalid)
    {
        invalid = null;
        var output = new byte[encoded.Length];
        var length = 0;
        var end = encoded.TrimEnd(" \t"u8).Length;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b != (byte)'=')
            {
                output[length++] = b;
                continue;
            }
            if (i == end - 1) break; // a soft break at the very end of the value
            var high = i + 1 < encoded.Length ? HexValue(encoded[i + 1]) : -1;
            var low = i + 2 < encoded.Length ? HexValue(encoded[i + 2]) : -1;
            if (high < 0 || low < 0)
            {
                invalid = VCardEncodings.Decode(encoded.Slice(i, Math.Min(3, encoded.Length - i)));
                return null;
            }
            output[length++] = (byte)(high * 16 + low);
            i += 2;
        }
        return output.AsSpan(0, length).ToArray();
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
