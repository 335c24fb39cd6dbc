using Microsoft.Data.Sqlite;

namespace Rapport.Features.Backup;

/// <summary>Consistent copies of a live SQLite database. <c>VACUUM INTO</c> reads one snapshot inside a
/// read transaction, so in WAL mode the app keeps writing meanwhile and the copy holds exactly the commits
/// made before it began. A plain file copy would miss what still sits in the -wal file, or tear mid-write.</summary>
public static class SqliteBackup
{
    /// <summary>Writes the copy to <paramref name="target"/> (which must not exist) through a partial file,
    /// so a copy cut short never looks like a finished backup.</summary>
    public static async Task WriteAsync(string connectionString, string target, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full)) throw new IOException($"{full} already exists; a backup never overwrites a file.");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        File.Delete(partial);
        // Not pooled: the copy's connection is closed for good when it is done.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        await using (var connection = new SqliteConnection(builder.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = "PRAGMA busy_timeout = 30000; VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", partial);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        File.Move(partial, full);
    }

    /// <summary>The default place of a backup: the data folder's <c>backups/</c>, named by the time it was taken.</summary>
    public static string DefaultPath(string dataFolder, DateTime utcNow) =>
        Path.Combine(dataFolder, "backups", $"rapport-{utcNow:yyyyMMdd-HHmmss}.db");
}
