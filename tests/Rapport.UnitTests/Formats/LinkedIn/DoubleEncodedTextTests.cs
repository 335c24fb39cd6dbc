using Rapport.Formats.LinkedIn;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class DoubleEncodedTextTests
{
    [Theory]
    [InlineData("ZoÃ« SaldaÃ±a", "Zoë Saldaña")]
    [InlineData("Ã‰milie Ã‡elik", "Émilie Çelik")]
    [InlineData("JÃ¼rgen MÃ¼ller", "Jürgen Müller")]
    [InlineData("çŽ‹ç§€è‹±", "王秀英")]
    public void Utf8_read_as_latin1_is_repaired(string written, string meant) =>
        Assert.Equal(meant, DoubleEncodedText.Repair(written));

    [Theory]
    [InlineData("Zoë Saldaña")]
    [InlineData("SÃO PAULO")]
    [InlineData("Ada Lovelace")]
    [InlineData("王秀英")]
    [InlineData("")]
    public void Text_that_is_not_double_encoded_is_left_alone(string text) =>
        Assert.Equal(text, DoubleEncodedText.Repair(text));
}
