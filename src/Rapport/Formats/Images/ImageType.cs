namespace Rapport.Formats.Images;

/// <summary>What kind of image some bytes are, by their magic numbers, never by what the file or card claims: only
/// JPEG, PNG, GIF and WebP, the kinds every browser shows.</summary>
public static class ImageType
{
    /// <summary>The media type ("image/jpeg"), or null when the bytes are none of the four.</summary>
    public static string? Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "image/gif";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
