using System.Text;

namespace Rapport.UnitTests.Formats.VCard;

using Rapport.Formats.VCard;
using static VCardTestFiles;

public class VCardReaderEncodingTests
{
    static VCardReaderEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Quoted_printable_with_a_soft_line_break_decodes_a_utf8_name()
    {
        // The second physical line does not start with a space: the trailing '=' joins it.
        var card = Single("""
            BEGIN:VCARD
            VERSION:2.1
            N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;=D0=86=D0=B3=D0=BE=D1=80=20=D0=97=D0=B0=D0=B3=D0=BE=D1=80=D1=81=D0=BA=
            =D1=96;;;
            FN;CHARSET=UTF-8;QUOTED-PRINTABLE:=D0=86=D0=B3=D0=BE=D1=80
            END:VCARD
            """);

        // These bytes spell "Загорскі" (no soft sign): that is what the file says.
        Assert.Equal("Ігор Загорскі", card.GivenName);
        Assert.Null(card.FamilyName);
        Assert.Equal(["", "Ігор Загорскі", "", "", ""], card.First("N")!.Components);
        Assert.Equal("Ігор", card.FormattedName);
        Assert.False(card.First("N")!.Parameters.ContainsKey("ENCODING"));
        Assert.False(card.First("N")!.Parameters.ContainsKey("CHARSET"));
    }

    [Theory]
    [InlineData("ISO-8859-1", "Fran=E7ois M=FCller", "François Müller")]
    [InlineData("windows-1252", "=80 5 =96 Caf=E9", "€ 5 – Café")]
    [InlineData("UTF-8", "Caf=C3=A9", "Café")]
    [InlineData("us-ascii", "Caf=C3=A9", "Café")]
    [InlineData("no-such-charset", "Caf=E9", "Café")]
    public void Quoted_printable_is_decoded_with_its_charset(string charset, string encoded, string expected)
    {
        var card = Single($"BEGIN:VCARD\nVERSION:2.1\nNOTE;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:{encoded}\nEND:VCARD\n");

        Assert.Equal(expected, card.First("NOTE")?.Value);
    }

    [Fact]
    public void Quoted_printable_keeps_line_breaks_and_a_soft_break_may_be_followed_by_a_space()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:2.1
            NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0Asecond=
             line, leading space kept=
            =3D end
            TEL:123
            END:VCARD
            """);

        Assert.Equal("first line\r\nsecond line, leading space kept= end", card.First("NOTE")?.Value);
        Assert.Equal("123", card.First("TEL")?.Value);
    }

    [Fact]
    public void A_soft_break_before_the_end_of_the_card_does_not_swallow_the_end()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:2.1
            NOTE;ENCODING=QUOTED-PRINTABLE:dangling=
            END:VCARD
            """);

        Assert.Equal("dangling", card.First("NOTE")?.Value);
    }

    [Theory]
    [InlineData("=ZZ")]
    [InlineData("abc=4")]
    [InlineData("=G0rest")]
    public void Invalid_quoted_printable_is_a_problem_for_that_card_only(string encoded)
    {
        var result = ReadCrlf($"""
            BEGIN:VCARD
            VERSION:2.1
            FN:Broken
            NOTE;ENCODING=QUOTED-PRINTABLE:{encoded}
            END:VCARD
            BEGIN:VCARD
            VERSION:2.1
            FN:Fine
            END:VCARD
            """);

        Assert.Null(result.FileError);
        Assert.Equal("Fine", Assert.Single(result.Cards).FormattedName);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(4, problem.Line);
        Assert.StartsWith("Line 4: the quoted-printable value is damaged", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_windows_1252()
    {
        var file = Bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Fran", new byte[] { 0xE7 }, "ois\r\nNOTE:", new byte[] { 0x80, 0x20, 0x93, 0x71, 0x94 },
            "\r\nORG:Caf\u00e9 Ltd\r\nEND:VCARD\r\n");

        var card = Assert.Single(ReadBytes(file).Cards);

        Assert.Equal("François", card.FormattedName);
        Assert.Equal("€ \u201Cq\u201D", card.First("NOTE")?.Value);
        Assert.Equal("Café Ltd", card.First("ORG")?.Value); // a valid UTF-8 line in the same file stays UTF-8
    }

    [Fact]
    public void Raw_bytes_in_a_declared_legacy_charset_are_decoded_with_it()
    {
        var shiftJis = Encoding.GetEncoding("shift_jis").GetBytes("山田");
        var file = Bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:", shiftJis, ";;;;\r\nEND:VCARD\r\n");

        Assert.Equal("山田", Assert.Single(ReadBytes(file).Cards).FamilyName);
    }

    [Fact]
    public void Utf8_bom_is_skipped()
    {
        var file = Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë\r\nEND:VCARD\r\n");

        Assert.Equal("Zoë", Assert.Single(ReadBytes(file).Cards).FormattedName);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Utf16_files_are_read_with_or_without_a_bom(bool bigEndian, bool withBom)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: withBom);
        var text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王秀英 👩🏽‍💻\r\nEND:VCARD\r\n";
        var file = Bytes(encoding.GetPreamble(), encoding.GetBytes(text));

        var result = ReadBytes(file);

        Assert.Null(result.FileError);
        Assert.Equal("王秀英 👩🏽‍💻", Assert.Single(result.Cards).FormattedName);
    }

    [Fact]
    public void Utf16_fold_between_the_halves_of_a_surrogate_pair_is_joined()
    {
        // Built by hand: Encoding.Unicode would replace the separated halves with U+FFFD.
        var text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\uD83D\r\n \uDE00B\r\nNOTE:after\r\nEND:VCARD\r\n";
        var units = text.SelectMany(c => new[] { (byte)(c & 0xFF), (byte)(c >> 8) }).ToArray();
        var file = Bytes(new byte[] { 0xFF, 0xFE }, units);

        var card = Assert.Single(ReadBytes(file).Cards);

        Assert.Equal("A😀B", card.FormattedName);
        Assert.Equal("after", card.First("NOTE")?.Value);
    }
}
