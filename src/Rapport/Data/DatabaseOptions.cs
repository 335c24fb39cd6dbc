namespace Rapport.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Bound from the <c>Database</c> section (or <c>Database__Provider</c> and friends).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, optional: the file defaults to <c>rapport.db</c> in the data folder.
    /// For PostgreSQL, required (or <c>ConnectionStrings:Rapport</c>).</summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStartup { get; set; } = true;
}
