using Rapport.Formats.LinkedIn;

namespace Rapport.Features.ImportExport;

/// <summary>A message of the history to add, for a known contact (its id) or for a contact the same import is
/// about to add (a negative number, the same for all of that person's messages).</summary>
public sealed record PlannedMessage(int ContactKey, HistoryEntry Entry);

/// <summary>Someone in the history who matches no contact, with how many of their messages are left out.</summary>
public sealed record UnmatchedPerson(string Name, string? ProfileUrl, int Messages);

/// <summary>What importing the history would add. <see cref="Problem"/> set: the history cannot be imported at all.</summary>
public sealed record HistoryPlan(
    IReadOnlyList<PlannedMessage> Messages, int AlreadyImported, IReadOnlyList<UnmatchedPerson> Unmatched,
    int SponsoredSkipped, int InvitationsWithoutNote, string? Problem)
{
    public static HistoryPlan Failed(string problem) => new([], 0, [], 0, 0, problem);

    public int People => Messages.Select(m => m.ContactKey).Distinct().Count();

    public int Sent => Messages.Count(m => m.Entry.Sent);

    public int Replies => Messages.Count(m => m.Entry.Reply);

    public int UnmatchedMessages => Unmatched.Sum(u => u.Messages);
}
