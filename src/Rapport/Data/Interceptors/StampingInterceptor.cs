using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Stamps created and updated times, and refuses text PostgreSQL cannot store (a NUL),
/// so both providers behave alike. Forms catch NUL earlier with a message; this is the last line.
/// Counts up the version of every changed <see cref="IVersioned"/> row, unless the save already set
/// it (a form saving what it opened, see <see cref="VersionedSave"/>).</summary>
public sealed class StampingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity is ITimestamped stamped && context is not RapportDb { KeepsRecordedTimes: true })
            {
                if (entry.State == EntityState.Added) stamped.CreatedAtUtc = now;
                else entry.Property(nameof(ITimestamped.CreatedAtUtc)).IsModified = false;
                stamped.UpdatedAtUtc = now;
            }
            if (entry.Entity is IVersioned versioned)
            {
                if (entry.State == EntityState.Added) versioned.Version = Math.Max(versioned.Version, 1);
                else
                {
                    var version = entry.Property(nameof(IVersioned.Version));
                    if (Equals(version.CurrentValue, version.OriginalValue)) versioned.Version = (int)version.OriginalValue! + 1;
                }
            }
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && StorableText.HasUnstorable(text))
                    throw new UnstorableTextException(property.Metadata.Name);
            }
        }
    }
}

public sealed class UnstorableTextException(string field)
    : InvalidOperationException($"{field} contains a NUL character, which cannot be stored.")
{
    public string Field { get; } = field;
}
