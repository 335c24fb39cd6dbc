using System.Text;
using Rapport.Formats.LinkedIn;
using static Rapport.UnitTests.Formats.LinkedIn.HistoryTestFiles;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class LinkedInHistoryTests
{
    private const string Ada = "https://www.linkedin.com/in/ada";
    private const string Grace = "https://www.linkedin.com/in/grace";

    private static IReadOnlyList<HistoryEntry> Entries(string? invitations, string? messages, out int sponsored, out int withoutNote)
    {
        var history = LinkedInHistory.Read(Export(invitations, messages));
        Assert.Null(history.Problem);
        return history.Entries(_ => false, out sponsored, out withoutNote);
    }

    [Fact]
    public void A_sent_note_is_a_message_sent_and_an_invitation_without_a_note_is_left_out()
    {
        var entries = Entries(Invitations(
            $"Sam Student,Ada Lovelace,\"12/1/25, 9:05 AM\",Hi Ada,OUTGOING,{Me},{Ada}/",
            $"Sam Student,Grace Hopper,\"12/1/25, 9:06 AM\",,OUTGOING,{Me},{Grace}",
            $"Alan Turing,Sam Student,\"12/2/25, 9:06 AM\",Hello Sam,INCOMING,https://www.linkedin.com/in/alan,{Me}"), null, out _, out var withoutNote);

        Assert.Equal(1, withoutNote);
        Assert.Equal(2, entries.Count);
        Assert.Equal((true, Ada, "Ada Lovelace", "Hi Ada", true), (entries[0].Sent, entries[0].PersonUrl, entries[0].PersonName, entries[0].Text, entries[0].Invitation));
        Assert.Equal((false, "https://www.linkedin.com/in/alan", "Alan Turing", false), (entries[1].Sent, entries[1].PersonUrl, entries[1].PersonName, entries[1].Reply));
    }

    [Fact]
    public void In_a_thread_their_message_after_one_of_mine_is_a_reply_and_one_before_is_not()
    {
        var entries = Entries(null, Messages(
            $"t1,,Ada Lovelace,{Ada},Sam Student,{Me},2025-12-01 08:00:00 UTC,,Are you the student?,INBOX",
            $"t1,,Sam Student,{Me},Ada Lovelace,{Ada},2025-12-01 09:10:00 UTC,,Yes! Could we talk?,INBOX",
            $"t1,,Ada Lovelace,{Ada},Sam Student,{Me},2025-12-02 10:00:00 UTC,,Sure,INBOX",
            $"t2,,Grace Hopper,{Grace},Sam Student,{Me},2025-12-03 10:00:00 UTC,,Hello,INBOX"), out _, out _);

        Assert.Equal([(false, false, "Are you the student?"), (true, false, "Yes! Could we talk?"), (false, true, "Sure"), (false, false, "Hello")],
            entries.Select(e => (e.Sent, e.Reply, e.Text)));
        Assert.Equal([Ada, Ada, Ada, Grace], entries.Select(e => e.PersonUrl));
    }

    [Fact]
    public void A_message_to_a_group_is_one_entry_per_recipient_and_sponsored_mail_is_left_out()
    {
        var entries = Entries(null, Messages(
            $"g,Team,Sam Student,{Me},\"Ada Lovelace, Grace Hopper\",\"{Ada},{Grace}\",2025-12-01 09:00:00 UTC,,Hello both,INBOX",
            $"g,Team,Grace Hopper,{Grace},\"Sam Student, Ada Lovelace\",\"{Me},{Ada}\",2025-12-01 10:00:00 UTC,,Hi Sam,INBOX",
            $"s,,Acme Ads,https://www.linkedin.com/in/acme-ads,Sam Student,{Me},2025-12-03 10:00:00 UTC,Offer,Buy now,SPONSORED_INBOX"), out var sponsored, out _);

        Assert.Equal(1, sponsored);
        Assert.Equal([(true, Ada, "Ada Lovelace"), (true, Grace, "Grace Hopper"), (false, Grace, "Grace Hopper")],
            entries.Select(e => (e.Sent, e.PersonUrl, e.PersonName)));
        Assert.True(entries[2].Reply);
    }

    [Fact]
    public void Without_invitations_the_person_is_the_member_in_every_thread_and_a_tie_goes_to_one_who_is_not_a_contact()
    {
        var oneThread = Messages(
            $"t1,,Ada Lovelace,{Ada},Sam Student,{Me},2025-12-01 08:00:00 UTC,,Hi,INBOX",
            $"t1,,Sam Student,{Me},Ada Lovelace,{Ada},2025-12-01 09:00:00 UTC,,Hello,INBOX");
        var history = LinkedInHistory.Read(Export(null, oneThread));

        var entries = history.Entries(url => url == Ada, out _, out _);
        Assert.Equal([false, true], entries.Select(e => e.Sent));
        Assert.All(entries, e => Assert.Equal(Ada, e.PersonUrl));
    }

    [Fact]
    public void Double_encoded_names_are_repaired()
    {
        var entries = Entries(null, Messages(
            $"t1,,ZoÃ« SaldaÃ±a,https://www.linkedin.com/in/zoe,Sam Student,{Me},2025-12-01 08:00:00 UTC,,Hola,INBOX",
            $"t2,,Sam Student,{Me},Ada,{Ada},2025-12-01 08:00:00 UTC,,Hi,INBOX"), out _, out _);
        Assert.Equal("Zoë Saldaña", entries[0].PersonName);
    }

    [Fact]
    public void An_upload_that_is_not_a_zip_or_holds_no_history_has_none()
    {
        Assert.False(LinkedInHistory.Read(Encoding.UTF8.GetBytes(ConnectionsTestFiles.WithHeader("Ada,Lovelace,,,,,"))).Present);
        Assert.False(LinkedInHistory.Read(Export(null, null)).Present);
    }

    [Fact]
    public void A_problem_in_either_file_is_the_history_s_problem()
    {
        var history = LinkedInHistory.Read(Export(Invitations($"Sam,Ada,\"12/1/25, 9:05 AM\",Hi,OUTGOING,{Me},{Ada}"), "FROM,TO\r\na,b\r\n"));
        Assert.Equal("messages.csv: the header on line 1 has no 'CONVERSATION ID' or 'SENDER PROFILE URL' or 'RECIPIENT PROFILE URLS' or 'DATE' or 'SUBJECT' or 'CONTENT' or 'FOLDER' column.", history.Problem);
        Assert.Empty(history.Invitations);
    }

    [Fact]
    public void A_history_file_that_unpacks_past_25_mb_is_refused()
    {
        var zip = ConnectionsTestFiles.Zip(("Connections.csv", Utf8(ConnectionsTestFiles.WithHeader("Ada,Lovelace,,,,,"))), ("messages.csv", new byte[26 * 1024 * 1024]));
        Assert.Equal("messages.csv in the ZIP is larger than 25 MB once unpacked.", LinkedInHistory.Read(zip).Problem);
    }
}
