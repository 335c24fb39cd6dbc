using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Deleted contacts and conversations stay in the database for 30 days (<see cref="Trash"/>), hidden by a
/// second named query filter beside the owner's. Rows that hang off them are hidden with them, so a list of tasks,
/// messages, emails or answers never shows what belongs to something in the trash. The trash page reads them with
/// <c>IgnoreQueryFilters([TrashFilter])</c>, which keeps the owner filter.</summary>
public partial class RapportDb
{
    public const string TrashFilter = "Trash";

    /// <summary>One array for every query that ignores the trash: with a new array each time the query misses EF's
    /// query cache and is compiled again.</summary>
    public static readonly string[] TrashOnly = [TrashFilter];

    /// <summary>Everything, trashed or not, still only the signed-in person's.</summary>
    public IQueryable<Contact> ContactsWithTrash => Contacts.IgnoreQueryFilters(TrashOnly);
    public IQueryable<Conversation> ConversationsWithTrash => Conversations.IgnoreQueryFilters(TrashOnly);

    private void ApplyTrash(ModelBuilder builder)
    {
        // The subqueries below read Contacts and Conversations through their own filters (owner and trash).
        builder.Entity<Contact>().HasQueryFilter(TrashFilter, c => c.DeletedAtUtc == null);
        builder.Entity<Conversation>().HasQueryFilter(TrashFilter, c => c.DeletedAtUtc == null);

        builder.Entity<ContactEmail>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));
        builder.Entity<ContactPhone>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));
        builder.Entity<ContactPhoto>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));
        builder.Entity<ContactTag>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));
        builder.Entity<ContactField>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));
        builder.Entity<ContactEvent>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));
        builder.Entity<PastPosition>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));

        builder.Entity<ConversationField>().HasQueryFilter(TrashFilter, x => Conversations.Any(c => c.Id == x.ConversationId));
        builder.Entity<ConversationQuestion>().HasQueryFilter(TrashFilter, x => Conversations.Any(c => c.Id == x.ConversationId));
        builder.Entity<StageChange>().HasQueryFilter(TrashFilter, x => Conversations.Any(c => c.Id == x.ConversationId));
        builder.Entity<Promise>().HasQueryFilter(TrashFilter, x => Conversations.Any(c => c.Id == x.ConversationId));
        builder.Entity<Referral>().HasQueryFilter(TrashFilter,
            x => Conversations.Any(c => c.Id == x.ConversationId) && Contacts.Any(c => c.Id == x.ContactId));

        // A message stays on its contact when its conversation goes (as when a conversation is deleted for good).
        builder.Entity<OutreachAttempt>().HasQueryFilter(TrashFilter, x => Contacts.Any(c => c.Id == x.ContactId));
        builder.Entity<Reply>().HasQueryFilter(TrashFilter,
            x => Contacts.Any(c => c.Id == x.ContactId) && Conversations.Any(c => c.Id == x.ConversationId));
        // A task may have no contact or no conversation. "No parent, or a parent that is not in the trash" as EXISTS under
        // an OR is one that PostgreSQL answers by hashing every contact of the person (EXISTS becomes IN), even to show the
        // first ten tasks; a scalar subquery is looked up row by row through the parent's key, as SQLite does either way.
        builder.Entity<FollowUpTask>().HasQueryFilter(TrashFilter,
            x => (x.ContactId == null || Contacts.Where(c => c.Id == x.ContactId).Select(c => (int?)1).FirstOrDefault() != null)
                && (x.ConversationId == null || Conversations.Where(c => c.Id == x.ConversationId).Select(c => (int?)1).FirstOrDefault() != null));
    }
}
