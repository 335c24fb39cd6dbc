using System.Text;
using Rapport.Formats.LinkedIn;

namespace Rapport.UnitTests.Formats.LinkedIn;

/// <summary>Invitations.csv and messages.csv as LinkedIn writes them, for the tests.</summary>
internal static class HistoryTestFiles
{
    public const string InvitationsHeader = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";
    public const string MessagesHeader =
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";
    public const string Me = "https://www.linkedin.com/in/sam-student";

    public static string Invitations(params string[] rows) => string.Join("\r\n", [InvitationsHeader, .. rows]) + "\r\n";

    public static string Messages(params string[] rows) => string.Join("\r\n", [MessagesHeader, .. rows]) + "\r\n";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The full export's ZIP with the given history files beside a Connections.csv.</summary>
    public static byte[] Export(string? invitations, string? messages)
    {
        var entries = new List<(string, byte[])> { ("Connections.csv", Utf8(ConnectionsTestFiles.WithHeader("Ada,Lovelace,,,Acme,Eng,07 Dec 2025"))) };
        if (invitations is not null) entries.Add(("Invitations.csv", Utf8(invitations)));
        if (messages is not null) entries.Add(("messages.csv", Utf8(messages)));
        return ConnectionsTestFiles.Zip([.. entries]);
    }

    public static IReadOnlyList<LinkedInInvitation> ParseInvitations(string text)
    {
        var parsed = InvitationsCsv.Parse(text, out var problem);
        Assert.Null(problem);
        return parsed!;
    }

    public static IReadOnlyList<LinkedInMessage> ParseMessages(string text)
    {
        var parsed = MessagesCsv.Parse(text, out var problem);
        Assert.Null(problem);
        return parsed!;
    }

    public static string InvitationsProblem(string text)
    {
        Assert.Null(InvitationsCsv.Parse(text, out var problem));
        return problem!;
    }

    public static string MessagesProblem(string text)
    {
        Assert.Null(MessagesCsv.Parse(text, out var problem));
        return problem!;
    }
}
