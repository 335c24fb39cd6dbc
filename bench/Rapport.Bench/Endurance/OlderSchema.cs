using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Bench.Hosting;
using Rapport.Data;

namespace Rapport.Bench.Endurance;

/// <summary>Takes a database back a few migrations with the migrations' own Down steps, rows kept, so the
/// next start of the app has migrations to apply, as after an upgrade.</summary>
public static class OlderSchema
{
    /// <returns>The number of migrations the app will have to apply.</returns>
    public static async Task<int> StepBackAsync(BenchDatabase database, int steps)
    {
        var options = new DbContextOptionsBuilder<RapportDb>();
        if (database.IsPostgres) options.UseNpgsql(database.ConnectionString);
        else options.UseSqlite(database.ConnectionString);
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        await using var db = new RapportDb(options.Options, new CurrentOwner(new HttpContextAccessor()));
        // A kill after the last migration but before EF deleted its lock row leaves the row on SQLite; the app
        // clears it only when it has migrations to apply, so the step back (with the app stopped) clears it too.
        if (!database.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL); DELETE FROM \"__EFMigrationsLock\";");
        var all = db.Database.GetMigrations().ToList();
        var target = all[^(steps + 1)];
        await db.GetService<IMigrator>().MigrateAsync(target);
        return steps;
    }
}
