using System.Text;
using Rapport.Formats.LinkedIn;
using static Rapport.UnitTests.Formats.LinkedIn.ConnectionsTestFiles;

namespace Rapport.UnitTests.Formats.LinkedIn;

/// <summary>Encodings, delimiters, broken quotes, sizes and the errors that refuse a whole file.</summary>
public class ConnectionsCsvFileTests
{
    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    public void An_empty_or_bom_only_file_is_empty(byte[] bytes) =>
        Assert.Equal("The file is empty.", Read(bytes).FileError);

    [Fact]
    public void A_file_without_a_header_row_is_refused()
    {
        var file = Read("Name,Phone\r\nAda,555\r\n");
        Assert.Equal(
            "No header row with 'First Name' and 'Last Name' was found in the first 30 lines. Is this LinkedIn's Connections.csv?",
            file.FileError);
        Assert.Empty(file.Connections);
    }

    [Fact]
    public void A_header_missing_last_name_names_the_column()
    {
        Assert.Equal("The header has no 'Last Name' column. Is this LinkedIn's Connections.csv?",
            Read("First Name,URL,Company\r\nAda,,Acme\r\n").FileError);
    }

    [Fact]
    public void A_column_named_twice_is_refused()
    {
        Assert.Equal("The column 'Email Address' appears twice in the header.",
            Read("First Name,Last Name,Email Address,Company,email address\r\nAda,Lovelace,a@x,Acme,b@x\r\n").FileError);
    }

    [Theory]
    [InlineData(Header)]
    [InlineData(Header + "\r\n")]
    [InlineData(Header + "\r\n,,,,,,\r\n\r\n")]
    public void A_header_without_connections_is_refused(string text) =>
        Assert.Equal("The file has a header but no connections.", Read(Preamble + text).FileError);

    [Fact]
    public void Windows_1252_text_is_decoded_without_replacement_characters()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("First Name,Last Name,Company\r\nJ"), 0xFC,
            .. Encoding.ASCII.GetBytes("rgen,M"), 0xFC, .. Encoding.ASCII.GetBytes("ller,Caf"), 0xE9, 0x0D, 0x0A];

        var row = Assert.Single(AssertOk(Read(bytes)).Connections);
        Assert.Equal(("Jürgen", "Müller", "Café"), (row.FirstName, row.LastName, row.Company!));
    }

    [Fact]
    public void Invalid_utf8_after_a_utf8_byte_order_mark_is_refused()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("First Name,Last Name\r\nM"), 0xFC, 0x0D, 0x0A];
        Assert.StartsWith("The file says it is UTF-8 but holds bytes that are not.", Read(bytes).FileError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Excel_unicode_text_is_read_as_utf16_with_tabs(bool bigEndian)
    {
        // Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated.
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var text = "First Name\tLast Name\tCompany\tConnected On\r\nJürgen\tMüller\tAcme, Inc.\t07 Dec 2025\r\n";
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

        var row = Assert.Single(AssertOk(Read(bytes)).Connections);
        Assert.Equal(("Jürgen", "Müller", "Acme, Inc.", 2), (row.FirstName, row.LastName, row.Company!, row.Line));
    }

    [Fact]
    public void A_semicolon_separated_file_is_read()
    {
        var text = "First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n"
            + "Ada;Lovelace;;;Acme, Inc.;\"Eng; R&D\";07 Dec 2025\r\n";

        var row = Assert.Single(AssertOk(Read(text)).Connections);
        Assert.Equal(("Ada", "Acme, Inc.", "Eng; R&D"), (row.FirstName, row.Company!, row.Position!));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(20)]
    public void An_unclosed_quote_costs_only_its_own_row_and_names_its_line(int rowsAfter)
    {
        // Line 1 header, lines 2-49 good, line 50 opens a quote it never closes, then more good rows.
        var rows = Enumerable.Range(2, 48).Select(Row)
            .Append("Ada,\"Lovelace,https://www.linkedin.com/in/ada,,Acme,Eng,07 Dec 2025")
            .Concat(Enumerable.Range(51, rowsAfter).Select(Row));

        var file = AssertOk(Read(WithHeader([.. rows])));

        var rejected = Assert.Single(file.Rejected);
        Assert.Equal(50, rejected.Line);
        Assert.StartsWith("Line 50: ", rejected.Message);
        Assert.Contains("\"", rejected.Message);
        Assert.Equal(48 + rowsAfter, file.Connections.Count);
        Assert.Equal(51, file.Connections[48].Line);
        Assert.All(file.Connections, c => Assert.True(c.Position!.Length < 100));
    }

    [Fact]
    public void A_file_with_more_than_a_thousand_broken_quotes_is_refused()
    {
        // Each broken row makes the reader start again on its next line; past 1,000 the file is not LinkedIn's.
        var file = Read(WithHeader([.. Enumerable.Range(0, 1_001).Select(i => $"A{i},\"B\r\nx\"")]));

        Assert.Equal("The file has too many rows with unbalanced quotes to be read. Is this LinkedIn's Connections.csv?",
            file.FileError);
    }

    [Fact]
    public void A_seekable_stream_over_25_mb_is_refused_without_being_read()
    {
        using var stream = new MemoryStream(new byte[26 * 1024 * 1024]);

        Assert.Equal("The file is larger than 25 MB.", ConnectionsCsv.Read(stream, "Connections.csv").FileError);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void An_unseekable_stream_over_25_mb_is_refused_once_it_passes_the_limit()
    {
        using var stream = new EndlessStream(26L * 1024 * 1024);

        Assert.Equal("The file is larger than 25 MB.", ConnectionsCsv.Read(stream, "Connections.csv").FileError);
        Assert.True(stream.BytesRead < 26L * 1024 * 1024, $"read {stream.BytesRead} bytes");
    }

    /// <summary>A forward-only stream of commas, like an upload body, that counts what was read.</summary>
    private sealed class EndlessStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)',');
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
