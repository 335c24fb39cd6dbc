using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.IntegrationTests.Data;

/// <summary>A database's schema as sorted lines of text (tables, columns with type, nullability and
/// identity, keys, foreign keys, indexes), so two databases compare with a readable diff.</summary>
public static class SchemaDescription
{
    public static async Task<string> OfAsync(RapportDb db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var lines = db.Database.IsSqlite() ? await SqliteAsync(connection) : await PostgresAsync(connection);
            return string.Join('\n', lines.Order(StringComparer.Ordinal));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> SqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock', 'sqlite_sequence')");
        // The full-text table and its shadow tables are outside the model by design (see ContactFullText);
        // the search tests cover them.
        tables = tables.Where(t => !t[0]!.StartsWith(Rapport.Data.ContactFullText.SqliteTable, StringComparison.Ordinal)).ToList();
        foreach (var table in tables)
        {
            var name = table[0]!;
            var autoincrement = table[1]!.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            lines.Add($"table {name}{(autoincrement ? " autoincrement" : "")}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{name}')"))
                lines.Add($"column {name}.{c[0]} {c[1]} {(c[2] == "1" ? "not null" : "null")} pk={c[3]}");
            foreach (var fk in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}')"))
                lines.Add($"fk {name}.{fk[1]} -> {fk[0]}.{fk[2]} on delete {fk[3]}");
            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{name}') WHERE origin = 'c'"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                lines.Add($"index {name}.{index[0]} ({string.Join(", ", columns.Select(r => r[0]))}){(index[1] == "1" ? " unique" : "")}");
            }
        }
        return lines;
    }

    private static async Task<List<string>> PostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable,
                   is_identity, coalesce(identity_generation, ''), coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            """))
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} identity={c[5]}:{c[6]} default={c[7]}");
        foreach (var k in await QueryAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_EF%'
            """))
            lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        foreach (var i in await QueryAsync(connection, """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
            """))
            lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        return lines;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
