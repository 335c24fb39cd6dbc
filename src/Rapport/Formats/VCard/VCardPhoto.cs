using System.Text;

namespace Rapport.Formats.VCard;

/// <summary>A card's inline photo, decoded from base64: <c>PHOTO;ENCODING=BASE64</c> (2.1), <c>PHOTO;ENCODING=b</c>
/// (3.0) or a <c>data:</c> URI (4.0). One larger than <see cref="MaxBytes"/> is only measured
/// (<see cref="Bytes"/> is null), so a 20 MB photo costs no decoding. The bytes are as the card held them: whether they
/// are an image is for the reader of the card to check.</summary>
public sealed record VCardPhoto(byte[]? Bytes, long Size)
{
    public const int MaxBytes = 512 * 1024;

    public bool IsTooLarge => Bytes is null;

    /// <summary>The photo in a PHOTO value, or null when the value holds no readable base64 (a damaged value, a URL).</summary>
    internal static VCardPhoto? Read(ReadOnlySpan<byte> value, bool base64)
    {
        if (!base64)
        {
            // data:[<media type>][;base64],<data>; only base64 data is a photo worth keeping.
            var comma = value.IndexOf((byte)',');
            var head = value[..Math.Max(comma, 0)].TrimEnd(" \t"u8);
            if (comma < 0 || head.Length < 7 || !Ascii.EqualsIgnoreCase(head[^7..], ";base64"u8)) return null;
            value = value[(comma + 1)..];
        }
        long characters = 0, padding = 0;
        foreach (var b in value)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            characters++;
            if (b == (byte)'=') padding++;
        }
        var size = characters / 4 * 3 - padding;
        if (size <= 0) return null;
        if (size > MaxBytes) return new VCardPhoto(null, size);
        try
        {
            var bytes = Convert.FromBase64String(Encoding.ASCII.GetString(value));
            return new VCardPhoto(bytes, bytes.Length);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
