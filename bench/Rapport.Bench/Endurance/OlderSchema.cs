using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Bench.Hosting;
using Rapport.Data;

namespace Rapport.Bench.Endurance;

/// <summary>Takes a database back a few migrations with the migrations' own Down steps, rows kept, so the
/// next start of the app has migrations to apply, as after an upgrade. On SQLite it may stop short of
/// the steps asked for (see below); it says how many it went back.</summary>
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
        try
        {
            await db.GetService<IMigrator>().MigrateAsync(target);
        }
        catch (NotSupportedException) when (!database.IsPostgres)
        {
            // EF cannot undo some steps on SQLite (dropping a column, without a model snapshot to rebuild the
            // table from); each migration undoes in its own transaction, so the database stops at the last one done.
        }
        var behind = all.Count - (await db.Database.GetAppliedMigrationsAsync()).Count();
        return behind > 0 ? behind : throw new InvalidOperationException($"No migration could be undone on this database to go back to {target}.");
    }
}
