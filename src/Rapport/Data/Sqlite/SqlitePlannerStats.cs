using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

/// <summary>Query-planner statistics for SQLite, written by hand at start-up so every query takes the same,
/// sensible index whatever the size of the network (SQLite's documented "manual control of query plans").
/// Without statistics, SQLite sees an owner filter and a contact filter as equally selective and may walk a
/// person's whole table through the owner's index; real ANALYZE figures are no better, since an index on a
/// column that is mostly empty (who referred whom) then looks useless for finding the one row that is not.
/// So: an index that starts with the owner narrows a table to one person's rows, a hundredth of it, and any
/// other column to a few rows, and a unique index to one. The owner's share is what makes SQLite search an
/// owner's index rather than walk the whole table, every person's rows, when nothing else narrows a query (a
/// count, the rule pass reading all of a person's facts); it stays far above "a few", so an index on the
/// contact or conversation asked for still wins over the owner's.</summary>
public static class SqlitePlannerStats
{
    private const long Rows = 1_000_000;
    private const long OwnerRows = Rows / 100;
    private const long Few = 10;

    /// <summary>A conversation's stage is one of a handful, and a person's conversations gather in a few of them (held,
    /// closed): it narrows an owner's rows to a fifth, not a few. Otherwise "requested or scheduled, by meeting time" walked
    /// every such conversation through the stage index and sorted them, instead of reading the next ten meetings from the
    /// meeting-time index. (An organization's status stays "a few": the sorted statuses are the rare ones.)</summary>
    private static readonly HashSet<string> FewValues = new(StringComparer.Ordinal) { "Stage" };

    public static async Task WriteAsync(RapportDb db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Creates sqlite_stat1 when it does not exist yet.
            await ExecuteAsync(connection, "ANALYZE sqlite_schema", cancellationToken);
            var indexes = new List<(string Table, string Index)>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = """
                    SELECT tbl_name, name FROM sqlite_schema
                    WHERE type = 'index' AND tbl_name NOT LIKE 'sqlite!_%' ESCAPE '!' AND tbl_name NOT LIKE 'ContactSearch%'
                    """;
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
            var stats = new List<(string Table, string? Index, string Stat)>();
            foreach (var (table, index) in indexes)
            {
                var columns = await ColumnsAsync(connection, index, cancellationToken);
                var unique = await IsUniqueAsync(connection, table, index, cancellationToken);
                stats.Add((table, index, Stat(columns, unique)));
            }
            foreach (var table in indexes.Select(i => i.Table).Distinct()) stats.Add((table, null, Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, "DELETE FROM sqlite_stat1", cancellationToken, transaction);
            foreach (var (table, index, stat) in stats)
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ($table, $index, $stat)";
                insert.Parameters.Add(Parameter(insert, "$table", table));
                insert.Parameters.Add(Parameter(insert, "$index", index));
                insert.Parameters.Add(Parameter(insert, "$stat", stat));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            // Connections read the statistics when they load the schema; this makes the pool's first one reload.
            await ExecuteAsync(connection, "ANALYZE sqlite_schema", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>"rows, then rows matched by each prefix of the columns".</summary>
    internal static string Stat(IReadOnlyList<string> columns, bool unique)
    {
        var figures = new List<long> { Rows };
        for (var i = 0; i < columns.Count; i++)
        {
            var matched = i == 0 && columns[0] == "OwnerId" ? OwnerRows : Few;
            if (i > 0) matched = i == 1 && columns[0] == "OwnerId" ? (FewValues.Contains(columns[i]) ? OwnerRows / 5 : Few) : Math.Max(1, figures[^1] / Few);
            figures.Add(matched);
        }
        if (unique) figures[^1] = 1;
        return string.Join(' ', figures);
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, string index, CancellationToken cancellationToken)
    {
        await using var info = connection.CreateCommand();
        info.CommandText = $"PRAGMA index_info(\"{index.Replace("\"", "\"\"")}\")";
        var columns = new List<string>();
        await using var reader = await info.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) columns.Add(reader.IsDBNull(2) ? "" : reader.GetString(2));
        return columns;
    }

    private static async Task<bool> IsUniqueAsync(DbConnection connection, string table, string index, CancellationToken cancellationToken)
    {
        await using var list = connection.CreateCommand();
        list.CommandText = $"PRAGMA index_list(\"{table.Replace("\"", "\"\"")}\")";
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (reader.GetString(1) == index) return reader.GetInt64(2) == 1;
        return false;
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
