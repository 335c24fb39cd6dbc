using static Rapport.UnitTests.Formats.LinkedIn.ConnectionsTestFiles;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class ConnectionsCsvRowTests
{
    [Theory]
    [InlineData("07 Dec 2025", "2025-12-07")]
    [InlineData("1 Jan 2026", "2026-01-01")]
    [InlineData("2025-12-07", "2025-12-07")]
    [InlineData("", null)]
    public void Connected_on_dates_are_read_in_linkedin_and_iso_forms(string value, string? expected)
    {
        var file = AssertOk(Read(WithHeader($"Ada,Lovelace,,,,,{value}")));

        Assert.Equal(expected, Assert.Single(file.Connections).ConnectedOn?.ToString("yyyy-MM-dd", null));
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void An_impossible_date_is_a_warning_and_the_row_is_kept_without_it()
    {
        var file = AssertOk(Read(WithHeader("Ada,Lovelace,,,,,31 Feb 2024")));

        Assert.Null(Assert.Single(file.Connections).ConnectedOn);
        var warning = Assert.Single(file.Warnings);
        Assert.Equal((2, "Line 2: 'Connected On' is not a date (31 Feb 2024); the date is left empty."), (warning.Line, warning.Message));
    }

    [Fact]
    public void A_row_with_too_few_values_is_rejected_with_its_line()
    {
        var file = AssertOk(Read(WithHeader("Ada,Lovelace,,Acme", "Grace,Hopper,,,,,")));

        Assert.Equal("Line 2: has 4 values, the header has 7.", Assert.Single(file.Rejected).Message);
        Assert.Equal("Grace", Assert.Single(file.Connections).FirstName);
    }

    [Fact]
    public void A_row_with_too_many_values_is_rejected_with_its_line()
    {
        var file = AssertOk(Read(WithHeader("Grace,Hopper,,,,,", "Ada,Lovelace,,,Acme, Inc.,Eng,07 Dec 2025")));

        var rejected = Assert.Single(file.Rejected);
        Assert.Equal((3, "Line 3: has 8 values, the header has 7."), (rejected.Line, rejected.Message));
    }

    [Fact]
    public void A_row_without_first_or_last_name_is_rejected()
    {
        var file = AssertOk(Read(WithHeader("Grace,Hopper,,,,,", " , ,https://www.linkedin.com/in/someone,,Acme,,")));

        Assert.Equal("Line 3: first and last name are both empty.", Assert.Single(file.Rejected).Message);
    }

    [Fact]
    public void A_row_with_only_one_name_is_kept()
    {
        var file = AssertOk(Read(WithHeader(",Hopper,,,,,")));

        Assert.Equal(("", "Hopper"), (file.Connections[0].FirstName, file.Connections[0].LastName));
    }

    [Fact]
    public void Names_and_fields_are_trimmed_blank_fields_become_null_and_names_are_nfc()
    {
        var file = AssertOk(Read(WithHeader("  Jose\u0301 , Lovelace ,, , Acme ,  ,")));

        var row = Assert.Single(file.Connections);
        Assert.Equal(("Jos\u00E9", "Lovelace", "Acme"), (row.FirstName, row.LastName, row.Company!));
        Assert.Null(row.Email);
        Assert.Null(row.Position);
        Assert.Null(row.ProfileUrl);
    }

    [Fact]
    public void Formula_and_markup_text_is_kept_verbatim()
    {
        var file = AssertOk(Read(WithHeader("Ada,Lovelace,,,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",<script>alert(1)</script>,")));

        var row = Assert.Single(file.Connections);
        Assert.Equal("=HYPERLINK(\"https://evil.example\",\"x\")", row.Company);
        Assert.Equal("<script>alert(1)</script>", row.Position);
    }

    [Fact]
    public void A_url_that_is_not_a_linkedin_profile_is_dropped_with_a_warning()
    {
        var file = AssertOk(Read(WithHeader("Ada,Lovelace,javascript:alert(1),,,,")));

        Assert.Null(Assert.Single(file.Connections).ProfileUrl);
        Assert.Equal("Line 2: 'URL' is not a LinkedIn profile address (javascript:alert(1)); it is left empty.",
            Assert.Single(file.Warnings).Message);
    }

    [Fact]
    public void Nul_characters_are_removed_with_a_warning()
    {
        var file = AssertOk(Read(WithHeader("Ada\0,Love\u0001lace,,,Acme\tCorp,,")));

        var row = Assert.Single(file.Connections);
        Assert.Equal(("Ada", "Lovelace", "Acme\tCorp"), (row.FirstName, row.LastName, row.Company!));
        Assert.Equal("Line 2: invisible control characters (such as NUL) were removed.", Assert.Single(file.Warnings).Message);
    }

    [Fact]
    public void Duplicate_rows_are_rejected_and_the_first_one_is_kept()
    {
        var file = AssertOk(Read(WithHeader(
            "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Acme,,",
            "Ada,L.,https://uk.linkedin.com/in/Ada-Lovelace/?trk=x,,Other,,",
            "Grace,Hopper,,grace@example.com,Navy,,",
            "G.,Hopper,,GRACE@example.com,,,",
            "Jürgen,Müller,,,Bosch GmbH,,",
            "JURGEN,MULLER,,,bosch gmbh,,",
            "Jürgen,Müller,,,Siemens,,")));

        Assert.Equal(["Ada", "Grace", "Jürgen", "Jürgen"], file.Connections.Select(c => c.FirstName));
        Assert.Equal(
            ["Line 3: duplicate of line 2.", "Line 5: duplicate of line 4.", "Line 7: duplicate of line 6."],
            file.Rejected.Select(r => r.Message));
    }
}
