using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>How many contacts each person has, remembered between requests: counting 30,000 rows on every
/// view of the people list or the home page costs more than the rest of the page. Forgotten whenever
/// contacts are saved as added or removed (<see cref="ContactCountInterceptor"/>) and after an import, and
/// after a minute in any case, so another app instance writing to the same database is never wrong for long.</summary>
public sealed class ContactCounts(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly Func<RapportDb, Task<int>> Count = EF.CompileAsyncQuery((RapportDb db) => db.Contacts.Count());

    private readonly ConcurrentDictionary<string, (int Count, DateTime At)> _counts = new(StringComparer.Ordinal);

    public async Task<int> GetAsync(RapportDb db)
    {
        var owner = db.OwnerId ?? throw new InvalidOperationException("Contacts are counted for a signed-in person.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (_counts.TryGetValue(owner, out var known) && now - known.At < Lifetime) return known.Count;
        var count = await Count(db);
        _counts[owner] = (count, now);
        return count;
    }

    public void Forget(string? owner)
    {
        if (owner is not null) _counts.TryRemove(owner, out _);
    }
}

/// <summary>Forgets a person's contact count when a save adds or removes contacts: before the save (so no
/// request counts the old figure again while it runs) and after it.</summary>
public sealed class ContactCountInterceptor(ContactCounts counts) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Note(DbContext? context)
    {
        if (context is not RapportDb db) return;
        // Moving to or from the trash changes the count as much as adding or removing.
        if (db.ChangeTracker.Entries<Contact>().Any(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && e.Property(c => c.DeletedAtUtc).IsModified)))
        {
            db.ContactCountChanging = true;
            counts.Forget(db.OwnerId);
        }
    }

    private void Settle(DbContext? context)
    {
        if (context is not RapportDb { ContactCountChanging: true } db) return;
        db.ContactCountChanging = false;
        counts.Forget(db.OwnerId);
    }
}
