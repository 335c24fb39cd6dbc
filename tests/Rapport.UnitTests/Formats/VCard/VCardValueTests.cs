namespace Rapport.UnitTests.Formats.VCard;

using Rapport.Formats.VCard;
using static VCardTestFiles;

public class VCardValueTests
{
    [Fact]
    public void Escapes_are_removed_from_text_and_structured_values()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:3.0
            N:O\, Brien\;Jr;Se\\an;;;
            NOTE:Line one\nLine two\NC:\\temp\\new\, ok\; done
            ADR;TYPE=work:;Suite 5\, floor 2;1 Main St\nBuilding B;Springfield;IL;62701;USA
            END:VCARD
            """);

        var n = card.First("N")!;
        Assert.Equal(["O, Brien;Jr", "Se\\an", "", "", ""], n.Components);
        Assert.Equal("O, Brien;Jr", n.Value);
        Assert.Equal(("Se\\an", "O, Brien;Jr"), (card.GivenName, card.FamilyName));
        Assert.Equal("Line one\nLine two\nC:\\temp\\new, ok; done", card.First("NOTE")?.Value);
        Assert.Equal(["", "Suite 5, floor 2", "1 Main St\nBuilding B", "Springfield", "IL", "62701", "USA"],
            card.First("ADR")!.Components);
    }

    [Fact]
    public void Org_with_several_units_is_split_and_its_value_is_the_organisation()
    {
        var org = Single("BEGIN:VCARD\nVERSION:4.0\nORG:Acme\\, Inc.;Research;Lab \\;3\nEND:VCARD\n").First("ORG")!;

        Assert.Equal(["Acme, Inc.", "Research", "Lab ;3"], org.Components);
        Assert.Equal("Acme, Inc.", org.Value);
    }

    [Fact]
    public void Categories_are_split_at_unescaped_commas_only()
    {
        var categories = Single("BEGIN:VCARD\nVERSION:3.0\nCATEGORIES:Friends\\, old,Work,A;B\nEND:VCARD\n").First("CATEGORIES")!;

        Assert.Equal(["Friends, old", "Work", "A;B"], categories.Components);
        Assert.Equal("Friends, old,Work,A;B", categories.Value);
    }

    [Fact]
    public void Version_2_1_treats_only_escaped_semicolons_and_commas_as_escapes()
    {
        // 2.1 files carry Windows paths unescaped; "\n" there is a backslash and an n.
        var card = Single("""
            BEGIN:VCARD
            VERSION:2.1
            NOTE:Saved in C:\new\docs\, see\; there
            ORG:Smith\; Jones;Sales
            END:VCARD
            """);

        Assert.Equal(@"Saved in C:\new\docs, see; there", card.First("NOTE")?.Value);
        Assert.Equal(["Smith; Jones", "Sales"], card.First("ORG")!.Components);
    }

    [Fact]
    public void Version_3_keeps_a_backslash_that_escapes_nothing_known()
    {
        var note = Single("BEGIN:VCARD\nVERSION:3.0\nNOTE:a\\qb and a trailing \\\nEND:VCARD\n").First("NOTE")!;

        Assert.Equal("a\\qb and a trailing \\", note.Value);
    }

    [Theory]
    [InlineData("N:Smith", new[] { "Smith" }, "Smith", null)]
    [InlineData("N:;Prince;;;", new[] { "", "Prince", "", "", "" }, null, "Prince")]
    [InlineData("N:a;b;c;d;e;f;g;h;i;j;k;l;m;n;o;p;q;r;s;t", new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t" }, "a", "b")]
    public void Name_with_any_number_of_components_is_read(string line, string[] components, string? family, string? given)
    {
        var card = Single($"BEGIN:VCARD\nVERSION:4.0\n{line}\nEND:VCARD\n");

        Assert.Equal(components, card.First("N")!.Components);
        Assert.Equal((family, given), (card.FamilyName, card.GivenName));
    }

    [Fact]
    public void A_card_without_fn_or_n_is_still_returned()
    {
        var card = Single("BEGIN:VCARD\nVERSION:3.0\nEMAIL:nobody@example.com\nEND:VCARD\n");

        Assert.Null(card.FormattedName);
        Assert.Null(card.GivenName);
        Assert.Null(card.FamilyName);
        Assert.Equal("nobody@example.com", card.First("EMAIL")?.Value);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("=HYPERLINK(\"http://evil.example\"\\,\"click\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("\"quoted\" & <b>bold</b>")]
    public void Hostile_looking_values_are_returned_verbatim(string value)
    {
        var card = Single($"BEGIN:VCARD\nVERSION:4.0\nFN:{value}\nNOTE:{value}\nEND:VCARD\n");

        var expected = value.Replace("\\,", ",", StringComparison.Ordinal);
        Assert.Equal(expected, card.FormattedName);
        Assert.Equal(expected, card.First("NOTE")?.Value);
    }

    [Theory]
    [InlineData("--0415")]
    [InlineData("19960415")]
    [InlineData("1996-04-15")]
    [InlineData("1996-04-15T10:00:00Z")]
    public void Birthdays_are_returned_as_written(string bday)
    {
        Assert.Equal(bday, Single($"BEGIN:VCARD\nVERSION:4.0\nBDAY:{bday}\nEND:VCARD\n").First("BDAY")?.Value);
    }

    [Fact]
    public void Gender_is_structured_with_the_sex_as_value()
    {
        var gender = Single("BEGIN:VCARD\nVERSION:4.0\nGENDER:O;it\\'s complicated\nEND:VCARD\n").First("GENDER")!;

        Assert.Equal("O", gender.Value);
        Assert.Equal(["O", "it\\'s complicated"], gender.Components);
    }
}
