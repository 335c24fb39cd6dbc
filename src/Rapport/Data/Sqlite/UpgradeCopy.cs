using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

/// <summary>Before migrations change a SQLite database that holds data, a copy of it as it was, next to it, named with
/// the schema it had and the one it gets (<c>rapport-upgrade-from-20261207140000-to-20261208090000.db</c>). EF applies
/// each migration in a transaction of its own, so a failure at the third of five would leave two applied: the copy is
/// then written back, and the database is as it was before the start. (PostgreSQL: pg_dump first, README "Upgrading".)</summary>
public sealed class UpgradeCopy
{
    private readonly string _connectionString;

    private UpgradeCopy(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    public string Path { get; }

    /// <summary>The copy, or null when there is nothing to keep (a new database, or not SQLite).</summary>
    public static async Task<UpgradeCopy?> TakeAsync(RapportDb db, IReadOnlyList<string> pending, ILogger log, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite() || pending.Count == 0) return null;
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count == 0) return null;
        var connectionString = db.Database.GetConnectionString()!;
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!;
        var name = $"{System.IO.Path.GetFileNameWithoutExtension(file)}-upgrade-from-{Schema(applied[^1])}-to-{Schema(pending[^1])}";
        var path = System.IO.Path.Combine(folder, name + ".db");
        // A start that failed before left its copy: keep it, and take this one beside it.
        for (var n = 2; File.Exists(path); n++) path = System.IO.Path.Combine(folder, $"{name}-{n}.db");
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target;";
            vacuum.Parameters.AddWithValue("$target", path);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        log.LogWarning("Upgrading the database ({Count} schema changes, from {From} to {To}). A copy of it as it was is in {Copy}",
            pending.Count, applied[^1], pending[^1], path);
        return new UpgradeCopy(path, connectionString);
    }

    /// <summary>Writes the copy back over the database, through SQLite (the live file is in WAL mode), and closes every
    /// pooled connection first, so none keeps a page of the failed upgrade.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken = default)
    {
        SqliteConnection.ClearAllPools();
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var live = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        await copy.OpenAsync(cancellationToken);
        await live.OpenAsync(cancellationToken);
        copy.BackupDatabase(live);
    }

    /// <summary>The 14-digit stamp of a migration id (<c>20261207140000_RecordImportedContacts</c>).</summary>
    private static string Schema(string migrationId) => migrationId.Split('_')[0];
}

/// <summary>A schema upgrade that failed; the database is as it was, and the message names the copy.</summary>
public sealed class DatabaseUpgradeFailed(string message, Exception inner) : Exception(message, inner);
