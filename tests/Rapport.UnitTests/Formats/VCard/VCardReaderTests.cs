namespace Rapport.UnitTests.Formats.VCard;

using Rapport.Formats.VCard;
using static VCardTestFiles;

public class VCardReaderTests
{
    [Fact]
    public void Version_4_and_3_cards_are_read_with_their_version_and_begin_line()
    {
        var cards = ReadClean("""
            BEGIN:VCARD
            VERSION:4.0
            FN:Ada Lovelace
            N:Lovelace;Ada;;;
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Alan Turing
            N:Turing;Alan;Mathison;;
            END:VCARD
            """);

        Assert.Equal(2, cards.Count);
        Assert.Equal(("4.0", 1, "Ada Lovelace", "Ada", "Lovelace"),
            (cards[0].Version, cards[0].Line, cards[0].FormattedName, cards[0].GivenName, cards[0].FamilyName));
        Assert.Equal(("3.0", 6, "Alan Turing", "Alan", "Turing"),
            (cards[1].Version, cards[1].Line, cards[1].FormattedName, cards[1].GivenName, cards[1].FamilyName));
        Assert.DoesNotContain(cards[0].Properties, p => p.Name == "VERSION");
        Assert.Equal(["FN", "N"], cards[1].Properties.Select(p => p.Name));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Any_line_end_reads_the_same(string newline)
    {
        var text = string.Join(newline, "BEGIN:VCARD", "VERSION:3.0", "FN:Grace Hopper", "EMAIL:grace@example.com", "END:VCARD", "");

        var card = Assert.Single(VCardReader.Read(text).Cards);

        Assert.Equal("Grace Hopper", card.FormattedName);
        Assert.Equal("grace@example.com", card.First("EMAIL")?.Value);
    }

    [Fact]
    public void Lower_case_names_and_blank_lines_between_cards_are_accepted()
    {
        var cards = ReadClean("""

            begin:vcard
            version:3.0
            fn:One
            end:vcard


            Begin:VCard
            VERSION:3.0

            FN:Two
            End:VCARD

            """);

        Assert.Equal(["One", "Two"], cards.Select(c => c.FormattedName));
        Assert.Equal([2, 8], cards.Select(c => c.Line));
        Assert.Equal("FN", cards[0].Properties[0].Name);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Folded_lines_are_joined_dropping_one_blank(string blank)
    {
        var card = Single($"""
            BEGIN:VCARD
            VERSION:4.0
            FN:Ada
            NOTE:This note is fol
            {blank}ded twice, and keeps
            {blank} the space that followed the fold mark.
            END:VCARD
            """);

        Assert.Equal("This note is folded twice, and keeps the space that followed the fold mark.", card.First("NOTE")?.Value);
    }

    [Fact]
    public void Folded_lines_are_joined_without_splitting_a_character()
    {
        // "Zoë" with the fold between the two bytes of ë (C3 AB), and a 4-byte emoji split after its second byte.
        var file = Bytes(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zo", new byte[] { 0xC3 }, "\r\n ", new byte[] { 0xAB }, "\r\n",
            "NOTE:", new byte[] { 0xF0, 0x9F }, "\n ", new byte[] { 0x98, 0x80 }, " done\r\n",
            "END:VCARD\r\n");

        var result = ReadBytes(file);

        Assert.Empty(result.Problems);
        var card = Assert.Single(result.Cards);
        Assert.Equal("Zoë", card.FormattedName);
        Assert.Equal("😀 done", card.First("NOTE")?.Value);
    }

    [Fact]
    public void A_folded_end_line_still_ends_the_card()
    {
        var cards = ReadClean("""
            BEGIN:VCARD
            VERSION:3.0
            FN:Folded End
            EN
             D:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Next
            END:VCARD
            """);

        Assert.Equal(["Folded End", "Next"], cards.Select(c => c.FormattedName));
    }

    [Fact]
    public void Apple_groups_keep_the_group_and_the_label_stays_a_property()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:3.0
            FN:Tim
            item1.EMAIL;type=INTERNET;type=pref:tim@example.com
            item1.X-ABLabel:Work
            item2.URL:https\://example.com
            item2.X-ABLabel:_$!<HomePage>!$_
            END:VCARD
            """);

        var email = card.First("email")!;
        Assert.Equal(("item1", "EMAIL", "tim@example.com"), (email.Group, email.Name, email.Value));
        Assert.Equal(["internet", "pref"], email.Types);
        var labels = card.All("X-ABLABEL").ToList();
        Assert.Equal([("item1", "Work"), ("item2", "_$!<HomePage>!$_")], labels.Select(l => (l.Group, l.Value)));
        Assert.Equal("https://example.com", card.First("URL")?.Value);
    }

    [Theory]
    [InlineData("3.0", "TEL;TYPE=WORK,PREF:+1 555 0100", new[] { "work", "pref" })]
    [InlineData("3.0", "TEL;TYPE=work;TYPE=pref:+1 555 0100", new[] { "work", "pref" })]
    [InlineData("4.0", "TEL;TYPE=\"work,voice\";PREF=1:+1 555 0100", new[] { "work", "voice" })]
    [InlineData("2.1", "TEL;WORK;VOICE:+1 555 0100", new[] { "work", "voice" })]
    [InlineData("2.1", "TEL;TYPE=WORK;PREF;VOICE:+1 555 0100", new[] { "work", "pref", "voice" })]
    public void Types_are_collected_from_every_parameter_style(string version, string line, string[] types)
    {
        var card = Single($"BEGIN:VCARD\nVERSION:{version}\n{line}\nEND:VCARD\n");

        var tel = card.First("TEL")!;
        Assert.Equal("+1 555 0100", tel.Value);
        Assert.Equal(types, tel.Types);
    }

    [Fact]
    public void Parameters_keep_values_as_written_under_upper_case_names()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:4.0
            TEL;type=work,pref;Pref=1;VALUE=uri:tel:+1-555-0100
            TEL;TYPE="work,voice":+1-555-0101
            EMAIL;WORK;INTERNET:w@example.com
            END:VCARD
            """);

        var tels = card.All("TEL").ToList();
        Assert.Equal(["work", "pref"], tels[0].Parameters["TYPE"]);
        Assert.Equal(["1"], tels[0].Parameters["pref"]);
        Assert.Equal(["TYPE", "PREF", "VALUE"], tels[0].Parameters.Keys);
        Assert.Equal(["work,voice"], tels[1].Parameters["TYPE"]);
        Assert.Equal(["WORK", "INTERNET"], card.First("EMAIL")!.Parameters["TYPE"]);
    }

    [Fact]
    public void Several_emails_and_phones_keep_their_order_and_types()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:3.0
            FN:Many
            EMAIL;TYPE=INTERNET,HOME:home@example.com
            TEL;TYPE=CELL:+44 7700 900123
            EMAIL;TYPE=INTERNET,WORK,PREF:work@example.com
            TEL;TYPE=WORK,VOICE:+44 20 7946 0000
            EMAIL:other@example.com
            END:VCARD
            """);

        Assert.Equal(
            [("home@example.com", "internet,home"), ("work@example.com", "internet,work,pref"), ("other@example.com", "")],
            card.All("EMAIL").Select(e => (e.Value, string.Join(',', e.Types))));
        Assert.Equal(["+44 7700 900123", "+44 20 7946 0000"], card.All("TEL").Select(t => t.Value));
    }

    [Fact]
    public void Parameter_values_are_unquoted_and_decode_rfc_6868()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:4.0
            ADR;LABEL="12 Main St.^nSpringfield, IL";X-NOTE=say ^'hi^' ^^_^^:;;12 Main St.;Springfield;IL;;
            END:VCARD
            """);

        var adr = card.First("ADR")!;
        Assert.Equal(["12 Main St.\nSpringfield, IL"], adr.Parameters["LABEL"]);
        Assert.Equal(["say \"hi\" ^_^"], adr.Parameters["X-NOTE"]);
        Assert.Equal(["", "", "12 Main St.", "Springfield", "IL", "", ""], adr.Components);
    }

    [Fact]
    public void A_card_read_from_a_stream_starts_at_the_current_position()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("junk that is skipped\r\nBEGIN:VCARD\r\nFN:From here\r\nEND:VCARD\r\n");
        using var stream = new MemoryStream(bytes);
        stream.Position = "junk that is skipped\r\n".Length;

        var result = VCardReader.Read(stream);

        Assert.Empty(result.Problems);
        Assert.Equal("From here", Assert.Single(result.Cards).FormattedName);
        Assert.Equal("", result.Cards[0].Version);
    }
}
