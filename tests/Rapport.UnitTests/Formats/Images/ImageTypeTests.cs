using System.Text;
using Rapport.Formats.Images;

namespace Rapport.UnitTests.Formats.Images;

public class ImageTypeTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1 }, "image/gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P', 0 }, "image/webp")]
    public void The_four_kinds_are_known_by_their_magic_numbers(byte[] bytes, string expected) => Assert.Equal(expected, ImageType.Of(bytes));

    [Theory]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")]
    [InlineData("<html><body>hi</body></html>")]
    [InlineData("RIFF....WAVE")]
    [InlineData("")]
    public void Anything_else_is_not_an_image_to_keep(string text) => Assert.Null(ImageType.Of(Encoding.UTF8.GetBytes(text)));
}
