namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>A test of something only SQLite has; the PostgreSQL run reports it as skipped, saying why.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string whyNotPostgreSql)
    {
        if (TestDatabase.CurrentProvider != TestProvider.Sqlite) Skip = "SQLite only: " + whyNotPostgreSql;
    }
}
