using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Forgets a person's contact counts when a save adds or removes contacts, or changes how one came (the
/// insights count them by it): before the save (so no request counts the old figure again while it runs) and after it.</summary>
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
        // Moving to or from the trash changes the counts as much as adding or removing.
        if (db.ChangeTracker.Entries<Contact>().Any(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && (e.Property(c => c.DeletedAtUtc).IsModified || e.Property(c => c.ReferredById).IsModified
                    || e.Property(c => c.Source).IsModified || e.Property(c => c.Imported).IsModified))))
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
