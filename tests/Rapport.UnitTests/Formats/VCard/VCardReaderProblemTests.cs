using System.Diagnostics;
using System.Text;

namespace Rapport.UnitTests.Formats.VCard;

using Rapport.Formats.VCard;
using static VCardTestFiles;

public class VCardReaderProblemTests
{
    [Fact]
    public void A_card_without_end_is_a_problem_at_its_begin_line_and_the_others_are_kept()
    {
        var result = ReadCrlf("""
            BEGIN:VCARD
            VERSION:3.0
            FN:Complete
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Unfinished
            """);

        Assert.Equal("Complete", Assert.Single(result.Cards).FormattedName);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(new VCardProblem(5, "Line 5: a card starts here but never ends (no END:VCARD)."), problem);
    }

    [Fact]
    public void A_begin_inside_a_card_reports_the_unfinished_card_and_reads_the_next()
    {
        var result = ReadCrlf("""
            BEGIN:VCARD
            VERSION:3.0
            FN:Unfinished
            BEGIN:VCARD
            VERSION:3.0
            FN:Next
            END:VCARD
            """);

        Assert.Equal("Next", Assert.Single(result.Cards).FormattedName);
        Assert.Equal(1, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void An_end_without_begin_is_a_problem()
    {
        var result = ReadCrlf("""
            BEGIN:VCARD
            FN:One
            END:VCARD
            END:VCARD
            """);

        Assert.Single(result.Cards);
        Assert.Equal(new VCardProblem(4, "Line 4: END:VCARD without a BEGIN:VCARD before it."), Assert.Single(result.Problems));
    }

    [Fact]
    public void Text_outside_any_card_is_a_problem()
    {
        var result = ReadCrlf("""
            Exported from somewhere
            BEGIN:VCARD
            FN:One
            END:VCARD
            """);

        Assert.Single(result.Cards);
        Assert.Equal(1, Assert.Single(result.Problems).Line);
    }

    [Theory]
    [InlineData("(555) 0100", "should start with a name")]
    [InlineData("NOT A PROPERTY", "unexpected character")]
    [InlineData("TEL;TYPE=\"work:123", "quote never closes")]
    [InlineData("TEL 123", "unexpected character")]
    [InlineData("EMAIL", "no ':'")]
    public void A_line_that_is_not_a_property_is_a_problem_for_its_card(string line, string reason)
    {
        var result = ReadCrlf($"BEGIN:VCARD\nFN:Bad\n{line}\nEND:VCARD\nBEGIN:VCARD\nFN:Good\nEND:VCARD\n");

        Assert.Equal("Good", Assert.Single(result.Cards).FormattedName);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_and_parameters_longer_than_any_real_one_are_a_problem_not_a_million_parameters()
    {
        var parameters = string.Concat(Enumerable.Repeat(";WORK", 100_000));

        var result = ReadCrlf($"BEGIN:VCARD\nFN:x\nTEL{parameters}:123\nEND:VCARD\n");

        Assert.Empty(result.Cards);
        Assert.Equal(new VCardProblem(3, "Line 3: this line has no ':' within its first 100,000 characters."), Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData(new byte[0], "The file is empty.")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "The file is empty.")]
    [InlineData(new byte[] { 0xFF, 0xFE }, "The file is empty.")]
    [InlineData(new byte[] { 0x20, 0x0D, 0x0A, 0x09, 0x0D, 0x0A }, "The file is empty.")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48 }, "This file holds binary data, not vCard text.")]
    public void Unusable_bytes_give_a_file_error(byte[] file, string error)
    {
        var result = ReadBytes(file);

        Assert.Equal(error, result.FileError);
        Assert.Empty(result.Cards);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("Name,Email\nAda,ada@example.com\n", "This file is not a vCard: no BEGIN:VCARD found.")]
    [InlineData("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Lunch\nEND:VEVENT\nEND:VCALENDAR\n", "This looks like an iCalendar file, not a vCard.")]
    [InlineData("FN:Only properties\nEND:VCARD\n", "This file is not a vCard: no BEGIN:VCARD found.")]
    public void Text_that_holds_no_card_gives_a_file_error(string text, string error)
    {
        var result = ReadCrlf(text);

        Assert.Equal(error, result.FileError);
        Assert.Empty(result.Cards);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_file_over_25_mb_is_refused_whether_or_not_the_stream_can_seek()
    {
        var bytes = new byte[VCardReader.MaxBytes + 1];
        "BEGIN:VCARD\r\n"u8.CopyTo(bytes);

        Assert.Equal("The file is larger than 25 MB.", VCardReader.Read(new MemoryStream(bytes)).FileError);
        Assert.Equal("The file is larger than 25 MB.", VCardReader.Read(new UnseekableStream(bytes)).FileError);
        Assert.Equal("The file is larger than 25 MB.", VCardReader.Read(new string('a', (int)VCardReader.MaxBytes + 1)).FileError);
    }

    [Fact]
    public void An_unseekable_stream_is_read_to_its_end()
    {
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"BEGIN:VCARD\r\nFN:Person {i}\r\nEND:VCARD\r\n"));

        var result = VCardReader.Read(new UnseekableStream(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(3000, result.Cards.Count);
        Assert.Equal("Person 2999", result.Cards[^1].FormattedName);
    }

    [Fact]
    public void More_than_the_card_limit_is_a_file_error()
    {
        var text = new StringBuilder().Insert(0, "BEGIN:VCARD\nFN:x\nEND:VCARD\n", VCardReader.MaxCards + 1).ToString();

        var result = VCardReader.Read(text);

        Assert.Equal("The file holds more than 50,000 cards.", result.FileError);
        Assert.Empty(result.Cards);
        Assert.Equal(VCardReader.MaxCards, VCardReader.Read(text[..^"BEGIN:VCARD\nFN:x\nEND:VCARD\n".Length]).Cards.Count);
    }

    [Fact]
    public void More_than_the_property_limit_is_a_file_error()
    {
        var lines = new StringBuilder("BEGIN:VCARD\n").Insert(12, "N:x\n", VCardReader.MaxProperties).Append("END:VCARD\n");

        Assert.Equal(VCardReader.MaxProperties, Assert.Single(VCardReader.Read(lines.ToString()).Cards).Properties.Count);
        Assert.Equal("The file holds more than 1,000,000 properties.", VCardReader.Read(lines.Insert(12, "N:y\n").ToString()).FileError);
    }

    [Fact]
    public void The_agent_card_inside_a_version_2_1_card_is_skipped()
    {
        var result = ReadCrlf("""
            BEGIN:VCARD
            VERSION:2.1
            N:Outer;Olga
            AGENT:
            BEGIN:VCARD
            VERSION:2.1
            N:Inner;Ian
            TEL:111
            END:VCARD
            TEL:222
            END:VCARD
            BEGIN:VCARD
            VERSION:2.1
            N:After;Alice
            END:VCARD
            """);

        Assert.Empty(result.Problems);
        Assert.Equal(["Olga", "Alice"], result.Cards.Select(c => c.GivenName));
        Assert.Equal(["N", "TEL"], result.Cards[0].Properties.Select(p => p.Name));
        Assert.Equal("222", result.Cards[0].First("TEL")?.Value);
    }

    [Fact]
    public void An_agent_card_that_never_ends_is_reported_at_the_outer_card()
    {
        var result = ReadCrlf("""
            BEGIN:VCARD
            VERSION:2.1
            FN:Ok
            END:VCARD
            BEGIN:VCARD
            VERSION:2.1
            AGENT:
            BEGIN:VCARD
            FN:Inner
            """);

        Assert.Equal("Ok", Assert.Single(result.Cards).FormattedName);
        Assert.Equal(5, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_a_problem_for_its_card()
    {
        var note = new string('x', VCardReader.MaxLineLength);
        var result = ReadCrlf($"BEGIN:VCARD\nFN:Long\nNOTE:{note}\nEND:VCARD\nBEGIN:VCARD\nFN:Short\nNOTE:{note[..(VCardReader.MaxLineLength - 5)]}\nEND:VCARD\n");

        Assert.Equal("Short", Assert.Single(result.Cards).FormattedName);
        Assert.Equal(new VCardProblem(3, "Line 3: this line is longer than 1,000,000 characters."), Assert.Single(result.Problems));
    }

    [Fact]
    public void Inline_photos_are_dropped_and_the_rest_of_the_card_is_read()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:3.0
            FN:Pictured
            PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsK
             CwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2w==
            LOGO:data:image/png;base64,iVBORw0KGgo=
            PHOTO;VALUE=uri:https://example.com/me.jpg
            EMAIL:pictured@example.com
            END:VCARD
            """);

        Assert.Equal(["FN", "PHOTO", "EMAIL"], card.Properties.Select(p => p.Name));
        Assert.Equal("https://example.com/me.jpg", card.First("PHOTO")?.Value);
    }

    [Fact]
    public void A_version_2_1_photo_with_unindented_base64_lines_ends_at_the_blank_line()
    {
        var card = Single("""
            BEGIN:VCARD
            VERSION:2.1
            FN:Old Phone
            PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD
            2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsK
            CwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2w==

            TEL;CELL:+1 555 0100
            END:VCARD
            """);

        Assert.Equal(["FN", "TEL"], card.Properties.Select(p => p.Name));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_20_mb_photo_is_skipped_without_copies(bool folded)
    {
        var photo = new StringBuilder(22_000_000);
        for (var i = 0; photo.Length < 20_000_000; i++)
        {
            photo.Append("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3");
            if (folded) photo.Append("\r\n ");
        }
        var file = Encoding.ASCII.GetBytes($"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big\r\nPHOTO;ENCODING=b;TYPE=JPEG:{photo}\r\nEMAIL:big@example.com\r\nEND:VCARD\r\n");
        using var stream = new MemoryStream(file);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = VCardReader.Read(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Empty(result.Problems);
        var card = Assert.Single(result.Cards);
        Assert.Equal(["FN", "EMAIL"], card.Properties.Select(p => p.Name));
        // One copy of the file is read into memory; the photo itself is never decoded or copied.
        Assert.InRange(allocated, file.Length, file.Length + 1_000_000);
    }

    [Theory]
    [InlineData("BEGIN:VCARD")]
    [InlineData("BEGIN:VCARD\n:\n;\n=\n\"\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nN;CHARSET=;ENCODING=QUOTED-PRINTABLE:=\n=\n=\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nX;A=\"\"\"\":v\nX;=:;\n.X:v\nX.:v\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nBEGIN:VCARD\nEND:VCARD\nEND:VCARD\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nAGENT:\nBEGIN:VCARD\nBEGIN:VCARD\nEND:VCARD")]
    [InlineData("\u0001\u0002BEGIN:VCARD\u0003\nEND:VCARD\u001A")]
    [InlineData(" \n\t\nBEGIN:VCARD\n \n\tEND:VCARD")]
    [InlineData("BEGIN:VCARD\nPHOTO;ENCODING=b:=\n\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nNOTE;CHARSET=utf-7;ENCODING=QUOTED-PRINTABLE:+AGEAYgBj-\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nNOTE;CHARSET=utf-32;ENCODING=QUOTED-PRINTABLE:=41\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nNOTE;CHARSET=\"x^n\";ENCODING=QUOTED-PRINTABLE:=41\nEND:VCARD")]
    [InlineData("BEGIN:VCARD\nNOTE;CHARSET=65001:=C3\nEND:VCARD")]
    public void Malformed_input_never_throws(string text)
    {
        var result = VCardReader.Read(text.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.True(result.FileError is not null || result.Cards.Count + result.Problems.Count > 0);
    }

    [Fact]
    public void Random_damage_to_a_file_never_throws()
    {
        var original = Encoding.UTF8.GetBytes("""
            BEGIN:VCARD
            VERSION:2.1
            N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;=D0=86=D0=B3=D0=BE=D1=80;;;
            item1.EMAIL;TYPE="work,pref";X-Q="a^'b":zoë@example.com
            NOTE:multi\nline\, with escapes
            PHOTO;ENCODING=b:AAAA
             BBBB
            END:VCARD
            """);
        var random = new Random(6350);
        byte[] interesting = [(byte)'\r', (byte)'\n', (byte)' ', (byte)':', (byte)';', (byte)'=', (byte)'"', (byte)'\\', (byte)',', 0xC3, 0xFF];

        for (var round = 0; round < 2000; round++)
        {
            var file = (byte[])original.Clone();
            for (var hits = random.Next(1, 6); hits > 0; hits--)
            {
                file[random.Next(file.Length)] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }

            var result = ReadBytes(file);

            Assert.True(result.FileError is not null || result.Cards.Count + result.Problems.Count > 0, $"Round {round} found nothing.");
        }
    }

    [Fact]
    public void A_null_or_closed_stream_throws()
    {
        var closed = new MemoryStream();
        closed.Dispose();

        Assert.Throws<ArgumentNullException>(() => VCardReader.Read((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => VCardReader.Read((string)null!));
        Assert.Throws<ArgumentException>(() => VCardReader.Read(closed));
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
