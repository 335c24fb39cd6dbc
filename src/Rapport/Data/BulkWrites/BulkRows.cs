using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Data;

/// <summary>Many rows into one table, the fastest way each database offers: a prepared command reused row after
/// row on SQLite (<see cref="SqliteRowBatch"/>), binary <c>COPY</c> on PostgreSQL (<see cref="PostgresRowCopy"/>).
/// Values are given as the model has them (a Guid, a DateTime in UTC, a bool); each writer stores them the way
/// EF Core does on its database. One table at a time on a connection: flush one before starting the next.</summary>
public interface IBulkRows : IAsyncDisposable
{
    Task AddAsync(params object?[] values);

    /// <summary>Writes what is still waiting. Call once after the last row.</summary>
    Task FlushAsync();
}

public static class BulkRows
{
    /// <param name="fullTextTrigger">The table keeps a full-text index through a trigger (SQLite's contacts).</param>
    public static IBulkRows For(DbConnection connection, DbTransaction? transaction, string table, bool fullTextTrigger, params string[] columns) =>
        connection is NpgsqlConnection pg
            ? new PostgresRowCopy(pg, table, columns)
            : new SqliteRowBatch((SqliteConnection)connection, transaction, table, fullTextTrigger, columns);

    /// <summary>Ids for <paramref name="count"/> new rows, taken up front so rows that refer to them can be written
    /// in the same pass. Inside the caller's write transaction, which keeps other writers out on SQLite.</summary>
    public static async Task<int[]> NextIdsAsync(DbConnection connection, DbTransaction? transaction, string table, int count)
    {
        if (connection is not NpgsqlConnection pg)
        {
            var first = await SqliteRowBatch.NextIdAsync((SqliteConnection)connection, transaction, table);
            return Enumerable.Range(first, count).ToArray();
        }
        await using var command = new NpgsqlCommand($"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id'))::int FROM generate_series(1, $1)""", pg);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var ids = new int[count];
        await using var reader = await command.ExecuteReaderAsync();
        for (var i = 0; await reader.ReadAsync(); i++) ids[i] = reader.GetInt32(0);
        return ids;
    }
}
