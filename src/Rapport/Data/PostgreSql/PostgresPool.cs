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

    public static string Bounded(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (SizeKeys.Any(builder.ContainsKey)) return connectionString;
        builder["Maximum Pool Size"] = DefaultMaximum;
        return builder.ConnectionString;
    }
}
