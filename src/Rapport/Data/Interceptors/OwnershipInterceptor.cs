using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Stamps the owner on new rows and refuses any save that would touch another user's row,
/// so a handler that forgets the owner cannot write across users.</summary>
public sealed class OwnershipInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not RapportDb db) return;
        foreach (var entry in db.ChangeTracker.Entries<IOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var owner = db.OwnerId ?? throw new CrossOwnerWriteException("No signed-in user to own this change.");
            var property = entry.Property(e => e.OwnerId);
            if (entry.State == EntityState.Added)
            {
                if (string.IsNullOrEmpty(entry.Entity.OwnerId)) entry.Entity.OwnerId = owner;
                if (entry.Entity.OwnerId != owner) throw new CrossOwnerWriteException("A new row names another owner.");
                continue;
            }
            if ((string?)property.OriginalValue != owner || entry.Entity.OwnerId != owner)
                throw new CrossOwnerWriteException("A change reaches another user's row.");
        }
    }
}

public sealed class CrossOwnerWriteException(string message) : InvalidOperationException(message);
