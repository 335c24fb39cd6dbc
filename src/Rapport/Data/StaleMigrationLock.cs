using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

/// <summary>On SQLite, EF Core's migration lock is a row in <c>__EFMigrationsLock</c>, deleted when migrating ends.
/// A start-up killed while migrating (power cut, OOM killer, <c>docker kill</c>) leaves the row behind, and every
/// later start then waits for it forever. One app owns one SQLite file and it migrates only here, before it
/// serves, so a lock found at this point is one a dead process left: it is removed. (PostgreSQL's lock ends
/// with the connection that held it.)</summary>
public static class StaleMigrationLock
{
    public static async Task ClearAsync(RapportDb db, ILogger log)
    {
        if (!db.Database.IsSqlite()) return;
        var tables = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync();
        if (tables == 0) return;
        var removed = await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"");
        if (removed > 0) log.LogWarning("Removed the migration lock left by a start-up that was interrupted while migrating");
    }
}
