using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Bench.Hosting;

namespace Rapport.Bench.Endurance;

/// <summary>What a killed app left in its database, read beside it before the next start: the file's own
/// checks, foreign keys, and the rows the crash harness wrote.</summary>
public static class CrashChecks
{
    /// <summary>A numbered contact as stored: its notes and how many email rows it has (with the expected address).</summary>
    public sealed record NumberedContact(int Number, string? Notes, int Emails);

    public static string Name(int number) => $"crash-{number:D6}";
    public static string Email(int number) => $"crash-{number:D6}@example.test";
    public static string Note(int number) => $"Note written with crash write {number}.";

    /// <summary>SQLite: <c>PRAGMA integrity_check</c>, <c>PRAGMA foreign_key_check</c> (the file opened read-only, as
    /// the kill left it) and the full-text index's own check. PostgreSQL: every foreign key looked up by hand.</summary>
    public static async Task<List<string>> IntegrityAsync(BenchDatabase db)
    {
        var problems = new List<string>();
        if (db.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync();
            foreach (var check in await ForeignKeyChecksAsync(connection))
            {
                var orphans = Convert.ToInt64(await ScalarAsync(connection, check.Sql), System.Globalization.CultureInfo.InvariantCulture);
                if (orphans > 0) problems.Add($"{orphans} rows of {check.Child} point at no row of {check.Parent}");
            }
            return problems;
        }
        var file = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        await using (var readOnly = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await readOnly.OpenAsync();
            var integrity = await RowsAsync(readOnly, "PRAGMA integrity_check;");
            if (integrity is not ["ok"]) problems.Add("integrity_check: " + string.Join("; ", integrity.Take(5)));
            var foreignKeys = await RowsAsync(readOnly, "PRAGMA foreign_key_check;");
            if (foreignKeys.Count > 0) problems.Add($"foreign_key_check: {foreignKeys.Count} rows, e.g. {foreignKeys[0]}");
        }
        // The full-text index's check is written as an INSERT, so it needs a writable connection.
        await using var writable = new SqliteConnection(db.ConnectionString);
        await writable.OpenAsync();
        try
        {
            await ScalarAsync(writable, """INSERT INTO "ContactSearch"("ContactSearch", rank) VALUES ('integrity-check', 1);""");
        }
        catch (SqliteException e)
        {
            problems.Add("full-text index: " + e.Message);
        }
        return problems;
    }

    public static async Task<List<NumberedContact>> NumberedContactsAsync(BenchDatabase db)
    {
        await using var connection = await Baselines.RawQueries.OpenAsync(db);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."FirstName", c."Notes",
                   (SELECT COUNT(*) FROM "ContactEmails" e WHERE e."ContactId" = c."Id" AND e."Address" = c."FirstName" || '@example.test')
            FROM "Contacts" c WHERE c."FirstName" LIKE 'crash-%'
            """;
        var contacts = new List<NumberedContact>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            contacts.Add(new NumberedContact(int.Parse(reader.GetString(0)["crash-".Length..], System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        return contacts;
    }

    /// <summary>How many contacts of an import batch are there, and whether its upload still waits for confirmation.</summary>
    public static async Task<(int Contacts, bool Pending)> ImportAsync(BenchDatabase db, string firstName, Guid pendingId)
    {
        await using var connection = await Baselines.RawQueries.OpenAsync(db);
        var contacts = await ScalarAsync(connection, """SELECT COUNT(*) FROM "Contacts" WHERE "FirstName" = @p""", firstName);
        var pending = await ScalarAsync(connection, """SELECT COUNT(*) FROM "PendingImports" WHERE "Id" = @p""", db.IsPostgres ? pendingId : pendingId.ToString().ToUpperInvariant());
        return (Convert.ToInt32(contacts, System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(pending, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    /// <summary>Applied migrations, from the history table (0 when it is not there yet).</summary>
    public static async Task<int> AppliedMigrationsAsync(BenchDatabase db)
    {
        await using var connection = await Baselines.RawQueries.OpenAsync(db);
        try
        {
            return Convert.ToInt32(await ScalarAsync(connection, """SELECT COUNT(*) FROM "__EFMigrationsHistory" """), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    /// <summary>SQLite: whether EF's migration lock row is there (a start-up killed while migrating leaves it behind).</summary>
    public static async Task<bool> MigrationLockHeldAsync(BenchDatabase db)
    {
        if (db.IsPostgres) return false; // PostgreSQL's lock is a session advisory lock, gone with the connection.
        await using var connection = await Baselines.RawQueries.OpenAsync(db);
        var table = await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsLock'");
        if (Convert.ToInt32(table, System.Globalization.CultureInfo.InvariantCulture) == 0) return false;
        return Convert.ToInt32(await ScalarAsync(connection, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private sealed record ForeignKeyCheck(string Child, string Parent, string Sql);

    private static async Task<List<ForeignKeyCheck>> ForeignKeyChecksAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
                   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
            FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
            """, connection);
        var checks = new List<ForeignKeyCheck>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (child, parent) = (reader.GetString(0), reader.GetString(1));
            var (own, theirs) = (reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3));
            var notNull = string.Join(" AND ", own.Select(c => $"""ch."{c}" IS NOT NULL"""));
            var match = string.Join(" AND ", own.Zip(theirs, (o, t) => $"""p."{t}" = ch."{o}" """));
            checks.Add(new ForeignKeyCheck(child, parent, $"SELECT COUNT(*) FROM {child} ch WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match})"));
        }
        return checks;
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        return rows;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, object? parameter = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p";
            p.Value = parameter;
            command.Parameters.Add(p);
        }
        return await command.ExecuteScalarAsync();
    }
}
