using static Rapport.UnitTests.Formats.LinkedIn.HistoryTestFiles;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class InvitationsCsvTests
{
    [Fact]
    public void Sent_and_received_invitations_are_read_with_their_note_date_and_normalised_addresses()
    {
        var invitations = ParseInvitations(Invitations(
            $"Sam Student,Ada Lovelace,\"12/1/25, 9:05 AM\",\"Hi Ada,\nI loved your talk.\",OUTGOING,{Me},https://uk.linkedin.com/in/Ada-Lovelace/",
            $"Grace Hopper,Sam Student,\"1/15/26, 4:30 PM\",,INCOMING,http://www.linkedin.com/in/gracehopper,{Me}/"));

        var (ada, grace) = (invitations[0], invitations[1]);
        Assert.Equal((2, true, "Hi Ada,\nI loved your talk."), (ada.Line, ada.Outgoing, ada.Message));
        Assert.Equal(new DateTime(2025, 12, 1, 9, 5, 0, DateTimeKind.Utc), ada.SentAtUtc);
        Assert.Equal("https://www.linkedin.com/in/ada-lovelace", ada.InviteeUrl);
        Assert.Equal((4, false, null), (grace.Line, grace.Outgoing, grace.Message));
        Assert.Equal(new DateTime(2026, 1, 15, 16, 30, 0, DateTimeKind.Utc), grace.SentAtUtc);
        Assert.Equal(("https://www.linkedin.com/in/gracehopper", Me), (grace.InviterUrl, grace.InviteeUrl));
    }

    [Fact]
    public void A_preamble_and_any_column_order_are_read()
    {
        var text = "Notes:\r\n\"Invitations you sent and received\"\r\n\r\n"
            + "Direction,Message,Sent At,To,From,inviteeProfileUrl,inviterProfileUrl\r\n"
            + $"OUTGOING,Hello,\"3/2/26, 11:00 AM\",Ada Lovelace,Sam Student,https://www.linkedin.com/in/ada,{Me}\r\n";

        var ada = Assert.Single(ParseInvitations(text));
        Assert.Equal((5, "Ada Lovelace", "Hello", "https://www.linkedin.com/in/ada", Me), (ada.Line, ada.To, ada.Message, ada.InviteeUrl, ada.InviterUrl));
    }

    [Theory]
    [InlineData("From,To,Sent At,Message,inviterProfileUrl,inviteeProfileUrl", "Invitations.csv: the header on line 1 has no 'Direction' column.")]
    [InlineData("From,To,Message,Direction", "Invitations.csv: the header on line 1 has no 'Sent At' or 'inviterProfileUrl' or 'inviteeProfileUrl' column.")]
    [InlineData("First Name,Last Name,URL", "Invitations.csv: no header row with the columns 'From', 'To', 'Sent At', 'Message', 'Direction', 'inviterProfileUrl', 'inviteeProfileUrl' was found in the first 30 lines.")]
    public void A_file_without_linkedins_columns_is_refused_naming_them(string header, string problem) =>
        Assert.Equal(problem, InvitationsProblem(header + "\r\nA,B,C,D,E,F,G\r\n"));

    [Theory]
    [InlineData("\"12/1/25, 9:05 AM\",SIDEWAYS", "Invitations.csv, line 3: 'Direction' is “SIDEWAYS”, not OUTGOING or INCOMING.")]
    [InlineData("yesterday,OUTGOING", "Invitations.csv, line 3: 'Sent At' is not a date (“yesterday”).")]
    [InlineData("\"13/45/25, 9:05 AM\",OUTGOING", "Invitations.csv, line 3: 'Sent At' is not a date (“13/45/25, 9:05 AM”).")]
    public void A_bad_value_names_its_line_and_column(string dateAndDirection, string problem)
    {
        var parts = dateAndDirection.Split(",OUTGOING")[0].Split(",SIDEWAYS")[0];
        var direction = dateAndDirection.EndsWith("SIDEWAYS") ? "SIDEWAYS" : "OUTGOING";
        Assert.Equal(problem, InvitationsProblem(Invitations(
            $"Sam,Ada,\"12/1/25, 9:05 AM\",Hi,OUTGOING,{Me},https://www.linkedin.com/in/ada",
            $"Sam,Grace,{parts},Hi,{direction},{Me},https://www.linkedin.com/in/grace")));
    }

    [Fact]
    public void A_note_of_5_mb_is_refused_naming_its_line()
    {
        var huge = new string('x', 5 * 1024 * 1024);
        Assert.Equal("Invitations.csv, line 3: a value is longer than 10,000 characters (or a \" is never closed).",
            InvitationsProblem(Invitations($"Sam,Ada,\"12/1/25, 9:05 AM\",Hi,OUTGOING,{Me},", $"Sam,Grace,\"12/1/25, 9:05 AM\",\"{huge}\",OUTGOING,{Me},")));
    }

    [Fact]
    public void A_quote_never_closed_is_refused_naming_the_line_it_starts_on() =>
        Assert.StartsWith("Invitations.csv, line 3:", InvitationsProblem(Invitations(
            $"Sam,Ada,\"12/1/25, 9:05 AM\",Hi,OUTGOING,{Me},",
            $"Sam,Grace,\"12/1/25, 9:05 AM\",\"Hi there,OUTGOING,{Me},",
            $"Sam,Alan,\"12/1/25, 9:05 AM\",Hi,OUTGOING,{Me},")));

    [Fact]
    public void A_row_with_too_few_values_is_refused_naming_its_line() =>
        Assert.Equal("Invitations.csv, line 2: 3 values where the header has 7; a \" may not be closed.",
            InvitationsProblem(Invitations("Sam,Ada,Hi")));

    [Fact]
    public void More_than_50000_rows_are_refused()
    {
        var rows = Enumerable.Range(0, 50_001).Select(i => $"Sam,P{i},\"12/1/25, 9:05 AM\",,OUTGOING,{Me},").ToArray();
        Assert.Equal("Invitations.csv has more than 50,000 rows; this is more history than one import takes.", InvitationsProblem(Invitations(rows)));
    }

    [Fact]
    public void Nul_and_other_control_characters_are_removed_from_a_note() =>
        Assert.Equal("Hello there", Assert.Single(ParseInvitations(Invitations($"Sam,Ada,\"12/1/25, 9:05 AM\",Hello\0 there\u0007,OUTGOING,{Me},"))).Message);
}
