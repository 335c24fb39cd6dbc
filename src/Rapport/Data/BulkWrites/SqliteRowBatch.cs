using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Rapport.Data;

/// <summary>Many rows into one SQLite table through one prepared command reused row after row. For a
/// table with a full-text trigger (contacts), the rows go first into a temporary table and then across in
/// one statement: the full-text index writes out its pending terms at the end of every statement its
/// trigger touched, so a statement per row costs three times as much as the rows themselves.</summary>
public sealed class SqliteRowBatch : IBulkRows
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction? _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly bool _staged;
    private SqliteCommand? _insert;

    /// <param name="staged">Through a temporary table, for a table with a full-text trigger.</param>
    public SqliteRowBatch(SqliteConnection connection, DbTransaction? transaction, string table, bool staged, params string[] columns)
    {
        (_connection, _transaction, _table, _staged, _columns) = (connection, (SqliteTransaction?)transaction, table, staged, columns);
    }

    private string Stage => "Staged" + _table;

    private static string List(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    /// <summary>One row, its values in the order of the columns; null is written as NULL.</summary>
    public async Task AddAsync(params object?[] values)
    {
        if (values.Length != _columns.Length) throw new ArgumentException($"{_table} takes {_columns.Length} values, not {values.Length}.", nameof(values));
        if (_insert is null)
        {
            if (_staged)
            {
                await RunAsync($"DROP TABLE IF EXISTS temp.\"{Stage}\"");
                await RunAsync($"CREATE TEMP TABLE \"{Stage}\" ({List(_columns)})");
            }
            _insert = Command(_staged ? $"temp.\"{Stage}\"" : $"\"{_table}\"");
        }
        // EF Core keeps a Guid on SQLite as upper-case text; written the same way, lookups by it still match.
        for (var i = 0; i < values.Length; i++)
            _insert.Parameters[i].Value = values[i] is Guid g ? g.ToString().ToUpperInvariant() : values[i] ?? DBNull.Value;
        await _insert.ExecuteNonQueryAsync();
    }

    /// <summary>Moves staged rows across, in the order they were added (nothing to do for rows not staged).</summary>
    public async Task FlushAsync()
    {
        if (!_staged || _insert is null) return;
        await RunAsync($"INSERT INTO \"{_table}\" ({List(_columns)}) SELECT {List(_columns)} FROM temp.\"{Stage}\" ORDER BY rowid");
        await RunAsync($"DROP TABLE temp.\"{Stage}\"");
    }

    /// <summary>The id the next row of an AUTOINCREMENT table gets, so rows that refer to new rows can be
    /// written before those rows exist. Only safe inside a write transaction, which keeps other writers out.</summary>
    public static async Task<int> NextIdAsync(SqliteConnection connection, DbTransaction? transaction, string table)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = $"""
            SELECT MAX(COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = $table), 0), COALESCE((SELECT MAX("Id") FROM "{table}"), 0)) + 1
            """;
        command.Parameters.AddWithValue("$table", table);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(string target)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"INSERT INTO {target} ({List(_columns)}) VALUES ({string.Join(", ", _columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < _columns.Length; i++) command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        command.Prepare();
        return command;
    }

    private async Task RunAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _insert?.DisposeAsync() ?? ValueTask.CompletedTask;
}
