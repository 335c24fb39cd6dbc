using Rapport.Formats.LinkedIn;
using static Rapport.UnitTests.Formats.LinkedIn.ConnectionsTestFiles;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class ConnectionsCsvShapeTests
{
    [Fact]
    public void A_current_export_with_its_notes_preamble_is_read_with_the_right_lines()
    {
        var file = AssertOk(Read(Preamble + Header + "\r\n"
            + "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Programmer,07 Dec 2025\r\n"
            + "Grace,Hopper,https://uk.linkedin.com/in/Grace-Hopper/,grace@example.com,US Navy,Rear Admiral,1 Jan 2026\r\n"));

        Assert.Equal(
            [
                new LinkedInConnection(5, "Ada", "Lovelace", "https://www.linkedin.com/in/ada-lovelace", null,
                    "Analytical Engines", "Programmer", new DateOnly(2025, 12, 7)),
                new LinkedInConnection(6, "Grace", "Hopper", "https://www.linkedin.com/in/grace-hopper", "grace@example.com",
                    "US Navy", "Rear Admiral", new DateOnly(2026, 1, 1)),
            ],
            file.Connections);
        Assert.Empty(file.Rejected);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void An_older_export_without_url_column_or_preamble_is_read()
    {
        var file = AssertOk(Read("First Name,Last Name,Email Address,Company,Position,Connected On\n"
            + "Ada,Lovelace,ada@example.com,Analytical Engines,Programmer,07 Dec 2015\n"));

        var ada = Assert.Single(file.Connections);
        Assert.Equal(new LinkedInConnection(2, "Ada", "Lovelace", null, "ada@example.com", "Analytical Engines",
            "Programmer", new DateOnly(2015, 12, 7)), ada);
    }

    [Fact]
    public void A_header_on_line_25_is_found()
    {
        var preamble = string.Concat(Enumerable.Range(1, 24).Select(i => $"Note {i}, more text\r\n"));
        var ada = Assert.Single(AssertOk(Read(preamble + WithHeader("Ada,Lovelace,,,,,"))).Connections);
        Assert.Equal(26, ada.Line);
    }

    [Fact]
    public void A_header_on_line_31_is_not_found()
    {
        var preamble = string.Concat(Enumerable.Range(1, 30).Select(i => $"Note {i}\r\n"));
        Assert.Equal(
            "No header row with 'First Name' and 'Last Name' was found in the first 30 lines. Is this LinkedIn's Connections.csv?",
            Read(preamble + WithHeader("Ada,Lovelace,,,,,")).FileError);
    }

    [Fact]
    public void Columns_are_mapped_by_name_in_any_order_and_unknown_columns_are_ignored()
    {
        var file = AssertOk(Read("Connected On,Company,Tags,last name,FIRST NAME,Position\n"
            + "1 Jan 2026,Acme,vip,Lovelace,Ada,Engineer\n"));

        var ada = Assert.Single(file.Connections);
        Assert.Equal(("Ada", "Lovelace", "Acme", "Engineer", new DateOnly(2026, 1, 1)),
            (ada.FirstName, ada.LastName, ada.Company!, ada.Position!, ada.ConnectedOn!.Value));
    }

    [Fact]
    public void A_byte_order_mark_and_quoted_header_names_are_accepted()
    {
        var text = "\uFEFF\"First Name\",\"Last Name\",\"URL\",\"Email Address\",\"Company\",\"Position\",\"Connected On\"\r\n"
            + "\"Ada\",\"Lovelace\",\"\",\"\",\"Acme\",\"Eng\",\"07 Dec 2025\"\r\n";
        var ada = Assert.Single(AssertOk(Read(text)).Connections);
        Assert.Equal(("Ada", 2), (ada.FirstName, ada.Line));
    }

    [Theory]
    [InlineData("\r\n", "\r\n")]
    [InlineData("\n", "\n")]
    [InlineData("\r\n", "\n")]
    [InlineData("\n", "\r")]
    public void Crlf_lf_and_mixed_line_endings_give_the_same_rows_and_lines(string first, string second)
    {
        var text = "Notes:" + second + "\"A note\"" + first + second + Header + first
            + "Ada,Lovelace,,,Acme,Eng,07 Dec 2025" + second + "Grace,Hopper,,,Navy,Admiral,1 Jan 2026" + first;

        var file = AssertOk(Read(text));
        Assert.Equal([(5, "Ada", "2025-12-07"), (6, "Grace", "2026-01-01")],
            file.Connections.Select(c => (c.Line, c.FirstName, c.ConnectedOn!.Value.ToString("yyyy-MM-dd", null))));
    }

    [Fact]
    public void Quoted_commas_doubled_quotes_and_a_line_break_stay_in_one_row_and_later_lines_stay_right()
    {
        var file = AssertOk(Read(WithHeader(
            "Ada,Lovelace,,,\"Acme, Inc.\",\"Head of \"\"R&D\"\"\r\nand tea\",07 Dec 2025",
            "Grace,Hopper,,,Navy,Admiral,1 Jan 2026")));

        Assert.Equal(2, file.Connections.Count);
        Assert.Equal(("Acme, Inc.", "Head of \"R&D\"\r\nand tea", 2), (file.Connections[0].Company!, file.Connections[0].Position!, file.Connections[0].Line));
        Assert.Equal(4, file.Connections[1].Line);
    }

    [Fact]
    public void All_empty_rows_and_blank_lines_are_skipped_and_counted()
    {
        var file = AssertOk(Read(WithHeader(",,,,,,", "Ada,Lovelace,,,,,", "", " , ,,,,,", "Grace,Hopper,,,,,")));

        Assert.Equal(3, file.EmptyRowsSkipped);
        Assert.Equal([3, 6], file.Connections.Select(c => c.Line));
        Assert.Empty(file.Rejected);
    }

    [Fact]
    public void Ten_thousand_empty_rows_are_skipped()
    {
        var file = AssertOk(Read(WithHeader([.. Enumerable.Repeat(",,,,,,", 10_000), "Ada,Lovelace,,,,,"])));

        Assert.Equal(10_000, file.EmptyRowsSkipped);
        Assert.Equal(10_002, Assert.Single(file.Connections).Line);
    }

    [Fact]
    public void Thirty_thousand_connections_are_read()
    {
        var file = AssertOk(Read(WithHeader([.. Enumerable.Range(1, 30_000).Select(Row)])));

        Assert.Equal(30_000, file.Connections.Count);
        Assert.Empty(file.Rejected);
        Assert.Equal(30_001, file.Connections[^1].Line);
    }

    [Fact]
    public void More_than_sixty_thousand_rows_is_a_file_error()
    {
        var file = Read(WithHeader([.. Enumerable.Range(1, 60_001).Select(i => $"A,B{i},,,,,")]));

        Assert.Equal("The file has more than 60,000 rows; LinkedIn exports hold at most 30,000 connections.", file.FileError);
        Assert.Empty(file.Connections);
    }
}
