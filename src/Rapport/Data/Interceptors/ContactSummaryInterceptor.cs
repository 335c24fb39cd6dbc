using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Keeps the people table's stored sort keys true (<see cref="ContactSummaries"/>), whoever writes: a save
/// that adds, moves, trashes or finishes a conversation or a task, gives a contact another organization, or renames
/// or deletes an organization refreshes the contacts it touched once it is written, in the same transaction (a crash
/// or a failed refresh in between would leave the keys wrong until the next change to those people); a write past the
/// tracker (<c>ExecuteUpdate</c>, raw SQL) of conversations, tasks or organizations refreshes the writer's account.</summary>
public sealed partial class ContactSummaryInterceptor : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] ConversationColumns = [nameof(Conversation.ContactId), nameof(Conversation.Stage), nameof(Conversation.DeletedAtUtc)];
    private static readonly string[] TaskColumns = [nameof(FollowUpTask.ContactId), nameof(FollowUpTask.ConversationId), nameof(FollowUpTask.DueUtc),
        nameof(FollowUpTask.SnoozedUntilUtc), nameof(FollowUpTask.DoneAtUtc), nameof(FollowUpTask.DismissedAtUtc)];

    /// <summary>What a save will have to refresh, found before it is written (after it, the tracker has forgotten what changed).</summary>
    private sealed class Pending
    {
        public readonly List<(string Owner, Func<int?> Contact)> Contacts = [];
        public readonly List<(string Owner, int Organization)> Renamed = [];
        public readonly HashSet<string> Orphaned = new(StringComparer.Ordinal);
        public bool Any => Contacts.Count > 0 || Renamed.Count > 0 || Orphaned.Count > 0;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A save with no transaction of its caller's commits its own before SavedChanges: the refresh runs as it commits.
    // Within a caller's transaction (an import) nothing commits during the save, and SavedChanges refreshes inside it.
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        RefreshAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(eventData.Context, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RefreshAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (WritesSources(command, eventData, result) is { } db) ContactSummaries.OfAccountAsync(db, db.OwnerId!).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (WritesSources(command, eventData, result) is { } db) await ContactSummaries.OfAccountAsync(db, db.OwnerId!, cancellationToken);
        return result;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) Release(context);
    }

    // A pending refresh and the save's transaction go together: EF writes a single row without one, and the refresh
    // must commit with the rows it follows. These two are the only places that set either.
    private void Hold(DbContext context, Pending pending)
    {
        _pending.AddOrUpdate(context, pending);
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    private void Release(DbContext context)
    {
        _pending.Remove(context);
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
    }

    private void Note(DbContext? context)
    {
        if (context is not RapportDb db) return;
        var pending = new Pending();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Conversation conversation when Touches(entry, ConversationColumns):
                    Add(pending, entry, conversation.OwnerId);
                    break;
                case FollowUpTask task when Touches(entry, TaskColumns):
                    Add(pending, entry, task.OwnerId);
                    break;
                // A new contact's organization may be new too, known by its id only once both are written.
                case Contact contact when entry.State == EntityState.Added
                        ? contact.OrganizationId is not null || entry.Reference(nameof(Contact.Organization)).CurrentValue is not null
                        : entry.State == EntityState.Modified && Changed(entry.Property(nameof(Contact.OrganizationId))):
                    pending.Contacts.Add((contact.OwnerId, KeyAfterWrite(entry, nameof(Contact.Id))));
                    break;
                case Organization organization when entry.State == EntityState.Deleted:
                    pending.Orphaned.Add(organization.OwnerId);
                    break;
                case Organization organization when entry.State == EntityState.Modified && Changed(entry.Property(nameof(Organization.NormalizedName))):
                    pending.Renamed.Add((organization.OwnerId, organization.Id));
                    break;
            }
        }
        if (pending.Any) Hold(db, pending);
        else Release(db);
    }

    private static bool Touches(EntityEntry entry, string[] columns) =>
        entry.State != EntityState.Modified || columns.Any(c => Changed(entry.Property(c)));

    private static bool Changed(PropertyEntry property) => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);

    /// <summary>The row's contact after the save (a new contact's id is known only then), and the one it left.</summary>
    private static void Add(Pending pending, EntityEntry entry, string owner)
    {
        pending.Contacts.Add((owner, KeyAfterWrite(entry, nameof(Conversation.ContactId))));
        if (entry.State == EntityState.Modified && entry.Property(nameof(Conversation.ContactId)).OriginalValue is int before)
            pending.Contacts.Add((owner, () => before));
    }

    /// <summary>An id as written. Read through the entry: while the save's transaction commits, the ids the database
    /// just made are known to the entry but not yet copied to the object.</summary>
    private static Func<int?> KeyAfterWrite(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return () => value.CurrentValue as int?;
    }

    private async Task RefreshAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not RapportDb db || !_pending.TryGetValue(db, out var pending)) return;
        Release(db);
        foreach (var owner in pending.Contacts.GroupBy(c => c.Owner))
            await ContactSummaries.OfContactsAsync(db, owner.Key, owner.Select(c => c.Contact()).OfType<int>().Distinct().ToList(), cancellationToken);
        foreach (var owner in pending.Renamed.GroupBy(r => r.Owner))
            await ContactSummaries.AtOrganizationsAsync(db, owner.Key, owner.Select(r => r.Organization).ToList(), cancellationToken);
        foreach (var owner in pending.Orphaned)
            await ContactSummaries.LeftWithoutOrganizationAsync(db, owner, cancellationToken);
    }

    /// <summary>The context, when a write past the tracker changed conversations, tasks or organizations for its owner.</summary>
    private static RapportDb? WritesSources(DbCommand command, CommandExecutedEventData eventData, int affected)
    {
        if (affected == 0 || eventData.Context is not RapportDb { OwnerId: not null } db) return null;
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw)) return null;
        return Sources().IsMatch(command.CommandText) ? db : null;
    }

    [GeneratedRegex(@"(UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+""(Conversations|FollowUpTasks|Organizations)""", RegexOptions.IgnoreCase)]
    private static partial Regex Sources();
}
