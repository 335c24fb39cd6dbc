using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>The rows and columns the follow-up rules read: what the rule pass puts in its snapshot, and the
/// person's rule settings. A write that adds, removes or changes one of them is followed by one rule pass for
/// its owner (<see cref="RuleFactInterceptor"/>, docs/decisions/012-rules-follow-from-saving.md). Anything
/// else (a contact's notes, a sign-in's security stamp or failure count) is no fact, and a write of it alone
/// makes no pass. Keep this list in step with the snapshot the rules read.</summary>
public static class RuleFacts
{
    private sealed record Fact(string[] Columns, bool WhenAdded = true, bool WhenDeleted = true);

    private static readonly Dictionary<Type, Fact> Facts = new()
    {
        // A name only titles a task when the task is made: a pass never retitles one. A new contact is
        // spoken of only once a conversation or a referral names them, and those rows are facts of their own.
        [typeof(Contact)] = new([nameof(Contact.OrganizationId), nameof(Contact.DoNotContact), nameof(Contact.LastContactedOn),
            nameof(Contact.DeletedAtUtc)], WhenAdded: false),
        [typeof(ContactTag)] = new([nameof(ContactTag.ContactId), nameof(ContactTag.NormalizedName)]),
        [typeof(Conversation)] = new([nameof(Conversation.ContactId), nameof(Conversation.Stage), nameof(Conversation.MeetingStartUtc),
            nameof(Conversation.DurationMinutes), nameof(Conversation.DeletedAtUtc)]),
        [typeof(OutreachAttempt)] = new([nameof(OutreachAttempt.ContactId), nameof(OutreachAttempt.ConversationId),
            nameof(OutreachAttempt.Purpose), nameof(OutreachAttempt.SentAtUtc)]),
        [typeof(Reply)] = new([nameof(Reply.ContactId), nameof(Reply.ConversationId), nameof(Reply.Kind), nameof(Reply.AtUtc)]),
        [typeof(Promise)] = new([nameof(Promise.ConversationId), nameof(Promise.DoneAtUtc)]),
        [typeof(Referral)] = new([nameof(Referral.ConversationId), nameof(Referral.ContactId)]),
        [typeof(SearchOutcome)] = new([nameof(SearchOutcome.RecordedAtUtc)]),
        [typeof(TagCadence)] = new([nameof(TagCadence.TagNormalizedName), nameof(TagCadence.Days)]),
        // Deleting an organization takes it off its contacts in the database (SET NULL), out of the tracker's sight.
        [typeof(Organization)] = new([], WhenAdded: false),
        // A new account has no facts yet; a deleted one has nothing left to follow.
        [typeof(RapportUser)] = new([nameof(RapportUser.TimeZoneId), nameof(RapportUser.ThankYouHours), nameof(RapportUser.NudgeBusinessDays),
            nameof(RapportUser.FollowUpBusinessDays), nameof(RapportUser.KeepInTouchDays), nameof(RapportUser.WeeklyRequestGoal)],
            WhenAdded: false, WhenDeleted: false),
    };

    /// <summary>Whose facts a tracked change writes, or null when it writes none.</summary>
    public static string? OwnerChangedBy(EntityEntry entry, string? currentOwner)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Facts.TryGetValue(entry.Metadata.ClrType, out var fact)) return null;
        var changes = entry.State switch
        {
            EntityState.Added => fact.WhenAdded,
            // What is in the trash is already out of the rules' sight: deleting it for good changes nothing they read.
            EntityState.Deleted => fact.WhenDeleted && !InTrash(entry),
            EntityState.Modified => fact.Columns.Any(column => entry.Property(column) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue)),
            _ => false,
        };
        if (!changes) return null;
        return entry.Entity switch
        {
            RapportUser user => user.Id,
            IOwned owned when !string.IsNullOrEmpty(owned.OwnerId) => owned.OwnerId,
            _ => currentOwner,
        };
    }

    /// <summary>Whether a write that bypasses the change tracker (a bulk insert, an <c>ExecuteUpdate</c> or
    /// <c>ExecuteDelete</c>, raw SQL) writes facts: any insert or delete of a table of facts, or an update of
    /// one of their columns. <paramref name="columns"/> is null when the columns are not known.</summary>
    public static bool WrittenInBulk(Type rows, BulkWrite write, IReadOnlyCollection<string>? columns)
    {
        if (!Facts.TryGetValue(rows, out var fact)) return false;
        return write switch
        {
            BulkWrite.Insert => fact.WhenAdded,
            // A bulk delete cannot tell rows in the trash from the rest.
            BulkWrite.Delete => fact.WhenDeleted,
            _ => columns is null || fact.Columns.Any(columns.Contains),
        };
    }

    private static bool InTrash(EntityEntry entry) =>
        entry.Metadata.FindProperty(nameof(Contact.DeletedAtUtc)) is { } deleted && entry.Property(deleted.Name).OriginalValue is not null;
}
