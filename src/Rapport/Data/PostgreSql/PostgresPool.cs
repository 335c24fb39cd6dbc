using System.Data.Common;

namespace Rapport.Data;

/// <summary>Npgsql's pool grows to 100 connections by default, which is all of a default PostgreSQL server's
/// <c>max_connections</c>: under 200 concurrent clients the app took every slot, and requests failed with
/// "remaining connection slots are reserved" (as did backups and anything else on that server). A few dozen
/// connections already keep a small server's cores busy; past that, requests wait for a free connection
/// instead of failing. A connection string that sets its own pool size keeps it.</summary>
public static class PostgresPool
{
    public const int DefaultMaximum = 30;

    private static readonly string[] SizeKeys = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize", "MaximumPoolSize"];

    public static string Bounded(string connectionString) => WithDefault(connectionString, SizeKeys, DefaultMaximum);

    /// <summary>How many statements each pooled connection keeps prepared on the server.</summary>
    public const int DefaultAutoPrepared = 50;

    private static readonly string[] AutoPrepareKeys = ["Max Auto Prepare", "MaxAutoPrepare"];

    /// <summary>Npgsql prepares a statement on the server once a connection has run it five times, when the connection
    /// string allows it (off by default). Otherwise PostgreSQL parsed and planned every command anew: about 1 ms each,
    /// which made the board's thirteen commands take twice as long as on SQLite even on the sample account (decision
    /// record 013). A connection string that sets its own keeps it (0 turns it off).</summary>
    public static string WithPreparedStatements(string connectionString) => WithDefault(connectionString, AutoPrepareKeys, DefaultAutoPrepared);

    /// <summary>Sets the first of <paramref name="keys"/> to <paramref name="value"/> unless the string names any of them.</summary>
    private static string WithDefault(string connectionString, string[] keys, int value)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (keys.Any(builder.ContainsKey)) return connectionString;
        builder[keys[0]] = value;
        return builder.ConnectionString;
    }
}
