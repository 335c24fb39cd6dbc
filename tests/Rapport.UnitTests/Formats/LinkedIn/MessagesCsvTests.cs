using System.Text;
using Rapport.Formats.LinkedIn;
using static Rapport.UnitTests.Formats.LinkedIn.HistoryTestFiles;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class MessagesCsvTests
{
    [Fact]
    public void A_message_is_read_with_its_thread_date_recipients_and_line_breaks()
    {
        var message = Assert.Single(ParseMessages(Messages(
            $"2-abc,,Sam Student,{Me},Ada Lovelace,https://www.linkedin.com/in/ada/,2025-12-01 09:10:00 UTC,Coffee?,\"Hi Ada,\r\ncould we talk?\",INBOX")));

        Assert.Equal(("2-abc", "Sam Student", Me, "Ada Lovelace"), (message.ConversationId, message.From, message.SenderUrl, message.To));
        Assert.Equal(["https://www.linkedin.com/in/ada"], message.RecipientUrls);
        Assert.Equal(new DateTime(2025, 12, 1, 9, 10, 0, DateTimeKind.Utc), message.SentAtUtc);
        Assert.Equal(("Coffee?", "Hi Ada,\r\ncould we talk?", false), (message.Subject, message.Content, message.Sponsored));
    }

    [Fact]
    public void A_group_thread_lists_every_recipient_and_sponsored_mail_is_recognised()
    {
        var messages = ParseMessages(Messages(
            $"3-g,Team,Sam Student,{Me},\"Ada Lovelace, Grace Hopper\",\"https://www.linkedin.com/in/ada,https://www.linkedin.com/in/grace/\",2025-12-02 10:00:00 UTC,,Hello both,INBOX",
            $"4-s,,Acme Ads,,Sam Student,{Me},2025-12-03 10:00:00 UTC,Offer,Buy now,SPONSORED_INBOX"));

        Assert.Equal(["https://www.linkedin.com/in/ada", "https://www.linkedin.com/in/grace"], messages[0].RecipientUrls);
        Assert.True(messages[1].Sponsored);
    }

    [Fact]
    public void Columns_in_another_order_after_a_preamble_are_read_by_name()
    {
        var text = "Notes:\r\n\r\nFOLDER,CONTENT,DATE,TO,FROM,CONVERSATION ID,SENDER PROFILE URL,RECIPIENT PROFILE URLS,SUBJECT,CONVERSATION TITLE\r\n"
            + $"INBOX,Hi,2025-12-01 09:10:00 UTC,Ada,Sam,7-x,{Me},https://www.linkedin.com/in/ada,,\r\n";
        var message = Assert.Single(ParseMessages(text));
        Assert.Equal((4, "7-x", "Hi", "Ada"), (message.Line, message.ConversationId, message.Content, message.To));
    }

    [Fact]
    public void A_file_without_a_column_is_refused_naming_it() =>
        Assert.Equal("messages.csv: the header on line 1 has no 'FOLDER' column.",
            MessagesProblem("CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT\r\n1,a,b,c,d,e,f,g\r\n"));

    [Theory]
    [InlineData("12/1/25 9:10")]
    [InlineData("2025-02-30 09:10:00 UTC")]
    [InlineData("")]
    public void A_date_that_is_not_one_names_its_line(string date) =>
        Assert.Equal($"messages.csv, line 2: 'DATE' is not a date (“{date}”).",
            MessagesProblem(Messages($"1,,Sam,{Me},Ada,,{date},,Hi,INBOX")));

    [Fact]
    public void A_5_mb_message_is_refused_naming_its_line()
    {
        var rows = new[] { $"1,,Sam,{Me},Ada,,2025-12-01 09:10:00 UTC,,Hi,INBOX", $"1,,Sam,{Me},Ada,,2025-12-01 09:11:00 UTC,,\"{new string('y', 5 * 1024 * 1024)}\",INBOX" };
        Assert.Equal("messages.csv, line 3: a value is longer than 10,000 characters (or a \" is never closed).", MessagesProblem(Messages(rows)));
    }

    [Fact]
    public void More_than_50000_messages_are_refused()
    {
        var rows = Enumerable.Range(0, 50_001).Select(i => $"{i},,Sam,{Me},Ada,,2025-12-01 09:10:00 UTC,,Hi,INBOX").ToArray();
        Assert.Equal("messages.csv has more than 50,000 rows; this is more history than one import takes.", MessagesProblem(Messages(rows)));
    }

    [Fact]
    public void A_utf16_file_is_read_and_latin1_bytes_are_not_turned_into_replacement_characters()
    {
        var text = Messages($"1,,Zoë Saldaña,https://www.linkedin.com/in/zoe,Sam,{Me},2025-12-01 09:10:00 UTC,,Merci beaucoup,INBOX");
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin1 = Encoding.GetEncoding(1252).GetBytes(text);

        foreach (var bytes in new[] { utf16, latin1 })
        {
            var history = LinkedInHistory.Read(ConnectionsTestFiles.Zip(("messages.csv", bytes)));
            Assert.Null(history.Problem);
            Assert.Equal("Zoë Saldaña", Assert.Single(history.Messages).From);
        }
    }

    [Fact]
    public void A_utf16_file_without_its_byte_order_mark_is_refused_not_misread()
    {
        var bytes = Encoding.Unicode.GetBytes(Messages($"1,,Sam,{Me},Ada,,2025-12-01 09:10:00 UTC,,Hi,INBOX"));
        var history = LinkedInHistory.Read(ConnectionsTestFiles.Zip(("messages.csv", bytes)));
        Assert.StartsWith("messages.csv: no header row", history.Problem);
        Assert.Empty(history.Messages);
    }
}
