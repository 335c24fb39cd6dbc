namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>Small real images, as an address book would put in a card.</summary>
public static class TestImages
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A JPEG's start (its magic number and a JFIF header); enough for the check, which reads only the start.</summary>
    public static byte[] Jpeg(int size)
    {
        var bytes = new byte[size];
        byte[] start = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
        start.CopyTo(bytes, 0);
        for (var i = start.Length; i < size; i++) bytes[i] = (byte)(i * 31);
        return bytes;
    }
}
