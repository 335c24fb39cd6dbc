using System.Text;
using System.Text.Unicode;

namespace Rapport.UnitTests.Formats.VCard;

using Rapport.Formats.VCard;
using static SampleCards;

public class VCardWriterTests
{
    [Fact]
    public void Written_cards_read_back_with_the_same_properties_and_values()
    {
        var written = Rich();

        var result = VCardReader.Read(VCardWriter.Write(written));

        Assert.Null(result.FileError);
        Assert.Empty(result.Problems);
        Assert.Equal(written.Count, result.Cards.Count);
        for (var c = 0; c < written.Count; c++)
        {
            Assert.Equal("4.0", result.Cards[c].Version);
            Assert.Equal(Describe(written[c]), Describe(result.Cards[c]));
        }
        Assert.Equal(LongTitle, result.Cards[0].First("TITLE")?.Value);
        Assert.Equal(["work", "voice"], result.Cards[0].All("TEL").Last().Types);
    }

    [Fact]
    public void Every_physical_line_is_at_most_75_octets_and_no_fold_splits_a_character()
    {
        var bytes = Encoding.UTF8.GetBytes(VCardWriter.Write(Rich()));

        var lines = SplitCrlf(bytes);

        Assert.All(lines, line =>
        {
            Assert.InRange(line.Length, 0, 75);
            Assert.True(Utf8.IsValid(line), "A fold split a UTF-8 sequence: " + Convert.ToHexString(line));
            Assert.DoesNotContain((byte)'\r', line);
            Assert.DoesNotContain((byte)'\n', line);
        });
        var continuations = lines.Count(l => l.Length > 0 && l[0] == (byte)' ');
        Assert.True(continuations >= 9, $"Only {continuations} folds; the 600-octet title alone needs 8.");
        // Folding filled lines: the title's pieces are within three octets of the limit.
        Assert.Contains(lines, l => l.Length >= 73 && l[0] == (byte)' ' && l[1] == 0xE9);
    }

    [Fact]
    public void Output_starts_with_begin_and_version_ends_each_card_and_skips_structural_properties()
    {
        var card = new VCard()
            .Add("VERSION", "3.0")
            .Add("FN", "Ada")
            .Add("BEGIN", "VCARD")
            .Add("END", "VCARD")
            .Add("NOTE", "x");

        var text = VCardWriter.Write([card, new VCard().Add("FN", "Empty")]);

        Assert.Equal(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nNOTE:x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Empty\r\nEND:VCARD\r\n",
            text);
        Assert.Equal("", VCardWriter.Write([]));
    }

    [Fact]
    public void Values_are_escaped_by_kind()
    {
        var card = new VCard()
            .AddStructured("ORG", ["Acme, Inc.", "R&D; Labs"])
            .AddStructured("N", ["O\\Brien", "Ann;Marie", "", "", ""])
            .Add("NOTE", "a;b,c\\d\r\ne\rf\ng\u0007h\u0085i\tj")
            .AddList("CATEGORIES", ["Friends, old", "A;B"])
            .Add("GEO", "geo:37.386013,-122.082932")
            .Add("URL", "https://example.com/a,b;c")
            .Add("X-ID", "1,2", parameters: Parameters(("VALUE", ["uri"])));

        var lines = VCardWriter.Write([card]).Split("\r\n");

        Assert.Equal(
            [
                @"ORG:Acme\, Inc.;R&D\; Labs",
                @"N:O\\Brien;Ann\;Marie;;;",
                "NOTE:a;b\\,c\\\\d\\ne\\nf\\ngh" + "i\tj",
                @"CATEGORIES:Friends\, old,A;B",
                "GEO:geo:37.386013,-122.082932",
                "URL:https://example.com/a,b;c",
                "X-ID;VALUE=uri:1,2",
            ],
            lines[2..9]);
    }

    [Fact]
    public void Parameter_values_are_quoted_and_encoded_as_rfc_6868_says()
    {
        var card = new VCard().Add("X-SKYPE", "zoe", parameters: Parameters(
            ("TYPE", ["work", "voice,pref"]),
            ("X-LABEL", ["He said \"hi\"; ok:yes\r\nbye ^_^"]),
            ("X-EMPTY", [])));

        var line = VCardWriter.Write([card]).Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n")[2];

        Assert.Equal("X-SKYPE;TYPE=work,\"voice,pref\";X-LABEL=\"He said ^'hi^'; ok:yes^nbye ^^_^^\":zoe", line);
        var read = Assert.Single(VCardReader.Read(VCardWriter.Write([card])).Cards).First("X-SKYPE")!;
        Assert.Equal(["work", "voice,pref"], read.Parameters["TYPE"]);
        Assert.Equal(["He said \"hi\"; ok:yes\nbye ^_^"], read.Parameters["X-LABEL"]);
        Assert.Equal(["work", "voice", "pref"], read.Types);
    }

    [Theory]
    [InlineData("Lunch\r\nEMAIL:attacker@evil.example", "Lunch\nEMAIL:attacker@evil.example")]
    [InlineData("x\nEND:VCARD\nBEGIN:VCARD", "x\nEND:VCARD\nBEGIN:VCARD")]
    [InlineData("x\rEND:VCARD\rBEGIN:VCARD\rFN:Evil", "x\nEND:VCARD\nBEGIN:VCARD\nFN:Evil")]
    [InlineData("a\\nb \\\r\n c", "a\\nb \\\n c")]
    [InlineData("\u0085EMAIL:nel@evil.example\u2028EMAIL:ls@evil.example", "EMAIL:nel@evil.example\u2028EMAIL:ls@evil.example")]
    public void A_line_break_in_a_value_or_parameter_cannot_start_a_property(string hostile, string expected)
    {
        var card = new VCard()
            .Add("FN", hostile)
            .Add("NOTE", hostile)
            .Add("X-P", "v", parameters: Parameters(("X-LABEL", [hostile])));

        var text = VCardWriter.Write([card]);
        var result = VCardReader.Read(text);

        Assert.Empty(result.Problems);
        var read = Assert.Single(result.Cards);
        Assert.Equal(["FN", "NOTE", "X-P"], read.Properties.Select(p => p.Name));
        Assert.Equal(expected, read.FormattedName);
        Assert.Equal(expected, read.First("NOTE")?.Value);
        Assert.Equal([expected], read.First("X-P")!.Parameters["X-LABEL"]);
        Assert.Equal(6, text.Split("\r\n").Count(l => l.Length > 0 && l[0] != ' '));
    }

    [Theory]
    [InlineData("BAD NAME", null, null)]
    [InlineData("FN:X", null, null)]
    [InlineData("NOTE", "item 1", null)]
    [InlineData("NOTE", "item\n1", null)]
    [InlineData("NOTE", null, "X:Y")]
    [InlineData("NOTE", null, "")]
    public void A_name_that_could_break_the_line_is_refused(string name, string? group, string? parameter)
    {
        var parameters = parameter is null ? null : Parameters((parameter, ["v"]));
        var card = new VCard().Add(name, "value", group, parameters);

        Assert.Throws<ArgumentException>(() => VCardWriter.Write([card]));
    }

    [Fact]
    public void Writing_to_a_text_writer_ignores_its_newline_setting()
    {
        using var writer = new StringWriter { NewLine = "\n" };

        VCardWriter.Write(writer, [new VCard().Add("FN", "Ada")]);

        Assert.Equal("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nEND:VCARD\r\n", writer.ToString());
    }

    private static List<string> Describe(VCard card) =>
        card.Properties.Select(p =>
            $"{p.Group}|{p.Name}|{p.Value}|{string.Join("¦", p.Components)}|{string.Join("¦", p.Types)}|"
            + string.Join("&", p.Parameters.Select(kv => kv.Key + "=" + string.Join("¦", kv.Value))))
        .ToList();

    private static List<byte[]> SplitCrlf(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\r' || bytes[i + 1] != (byte)'\n') continue;
            lines.Add(bytes[start..i]);
            start = i + 2;
        }
        Assert.Equal(bytes.Length, start); // the output ends with CRLF
        return lines;
    }
}
