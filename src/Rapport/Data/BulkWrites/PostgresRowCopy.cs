using Npgsql;
using NpgsqlTypes;

namespace Rapport.Data;

/// <summary>Rows into one PostgreSQL table through binary <c>COPY</c>, opened at the first row.</summary>
public sealed class PostgresRowCopy(NpgsqlConnection connection, string table, string[] columns) : IBulkRows
{
    private NpgsqlBinaryImporter? _copy;

    public async Task AddAsync(params object?[] values)
    {
        if (values.Length != columns.Length) throw new ArgumentException($"{table} takes {columns.Length} values, not {values.Length}.", nameof(values));
        _copy ??= await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        await _copy.StartRowAsync();
        foreach (var value in values)
        {
            await (value switch
            {
                null => _copy.WriteNullAsync(),
                string s => _copy.WriteAsync(s, NpgsqlDbType.Text),
                int i => _copy.WriteAsync(i, NpgsqlDbType.Integer),
                bool b => _copy.WriteAsync(b, NpgsqlDbType.Boolean),
                Guid g => _copy.WriteAsync(g, NpgsqlDbType.Uuid),
                DateOnly d => _copy.WriteAsync(d, NpgsqlDbType.Date),
                DateTime t => _copy.WriteAsync(DateTime.SpecifyKind(t, DateTimeKind.Utc), NpgsqlDbType.TimestampTz),
                _ => throw new NotSupportedException($"{table}: no COPY type for {value.GetType().Name}."),
            });
        }
    }

    public async Task FlushAsync()
    {
        if (_copy is null) return;
        await _copy.CompleteAsync();
        await _copy.DisposeAsync();
        _copy = null;
    }

    public ValueTask DisposeAsync() => _copy?.DisposeAsync() ?? ValueTask.CompletedTask;
}
