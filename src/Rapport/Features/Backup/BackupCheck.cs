using Microsoft.Data.Sqlite;

namespace Rapport.Features.Backup;

/// <summary>Whether a file is a sound Rapport SQLite database: SQLite's own integrity check passes, and it
/// holds the migrations history and accounts that every Rapport database has.</summary>
public static class BackupCheck
{
    public sealed record Result(bool IsSound, string Message, string? LastMigration);

    public static async Task<Result> CheckAsync(string path, IReadOnlyCollection<string> knownMigrations)
    {
        if (!File.Exists(path)) return new(false, $"There is no file at {path}.", null);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync();
            var integrity = await ScalarAsync(connection, "PRAGMA integrity_check;");
            if (integrity != "ok") return new(false, $"{path} is damaged: SQLite's integrity check says \"{integrity}\".", null);
            var tables = await ScalarAsync(connection,
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'AspNetUsers');");
            if (tables != "2") return new(false, $"{path} is a SQLite database, but not a Rapport one (it has no migrations history or accounts).", null);
            var last = await ScalarAsync(connection, "SELECT max(MigrationId) FROM __EFMigrationsHistory;");
            if (string.IsNullOrEmpty(last)) return new(false, $"{path} is a Rapport database that was never set up (no migration applied).", null);
            if (!knownMigrations.Contains(last))
                return new(false, $"{path} was made by a newer version of Rapport (its schema is at {last}). Upgrade Rapport first, then restore.", last);
            return new(true, $"{path} is a sound Rapport database (schema {last}).", last);
        }
        catch (SqliteException e)
        {
            return new(false, $"{path} is not a SQLite database Rapport can read ({e.Message}).", null);
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
