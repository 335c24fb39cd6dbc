namespace Rapport.Features.Backup;

/// <summary>Puts a backup in place of the live SQLite database, with the app stopped. The current database
/// (with its -wal and -shm files, which may hold its last commits) is moved aside whole, never deleted.</summary>
public static class SqliteRestore
{
    public sealed record Result(bool Restored, string Message, string? SetAsidePath = null);

    public static async Task<Result> RunAsync(string backupPath, string databasePath, string dataFolder,
        IReadOnlyCollection<string> knownMigrations, DateTime utcNow)
    {
        var source = Path.GetFullPath(backupPath);
        var live = Path.GetFullPath(databasePath);
        if (source == live) return new(false, "That file is the live database itself: choose a backup file.");
        var check = await BackupCheck.CheckAsync(source, knownMigrations);
        if (!check.IsSound) return new(false, check.Message);

        using var running = RunningLock.TryTake(dataFolder);
        if (running is null) return new(false, "Rapport is running on this data folder. Stop it first, then restore.");

        // Pooled connections of this process would keep reading the file moved aside.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string? setAside = null;
        if (File.Exists(live))
        {
            setAside = Path.Combine(dataFolder, "backups", $"pre-restore-{utcNow:yyyyMMdd-HHmmss}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(setAside)!);
            if (File.Exists(setAside)) return new(false, $"{setAside} already exists; wait a second and try again.");
            // Moved as a set: SQLite finds a -wal beside its database by name, so the copy set aside stays whole.
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                if (File.Exists(live + suffix)) File.Move(live + suffix, setAside + suffix);
        }
        // Copied next to the live name first, then renamed: the database file appears whole or not at all.
        var incoming = live + ".restoring";
        File.Copy(source, incoming, overwrite: true);
        File.Move(incoming, live);
        var aside = setAside is null ? "" : $" The database it replaced is kept at {setAside}.";
        return new(true, $"Restored {source} (schema {check.LastMigration}).{aside} Start Rapport again; it brings the schema up to date.", setAside);
    }
}
