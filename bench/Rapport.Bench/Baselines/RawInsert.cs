using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Rapport.Bench.Data;
using Rapport.Bench.Hosting;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.ImportExport;
using Rapport.Formats.LinkedIn;
using Rapport.Bench.Measure;

namespace Rapport.Bench.Baselines;

/// <summary>The floor for an import: the same rows the app writes (organizations, contacts with their
/// search text, emails, "imported" entries) into a fresh database with the same schema, indexes and
/// triggers, timed from the first insert to the commit. SQLite: one prepared command per table, reused
/// for every row, in one transaction. PostgreSQL: binary COPY.</summary>
public static class RawInsert
{
    public static async Task<double> MedianSecondsAsync(byte[] file, int runs, Func<Task<BenchDatabase>> newDatabase, Func<BenchDatabase, Task> drop)
    {
        var rows = Rows(file);
        Console.WriteLine($"  baseline insert of {rows.Contacts.Count:N0} contacts...");
        var times = new List<double>();
        for (var run = -1; run < runs; run++)
        {
            var db = await newDatabase();
            var owner = await MigratedWithOwnerAsync(db);
            await using (var connection = await RawQueries.OpenAsync(db))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                if (connection is NpgsqlConnection pg) await CopyAsync(pg, owner, rows);
                else await InsertAsync((SqliteConnection)connection, owner, rows);
                if (run >= 0) times.Add(clock.Elapsed.TotalSeconds);
            }
            await drop(db);
        }
        return Load.Median(times);
    }

    private sealed record Shaped(List<(string Key, string Name)> Organizations, List<(Contact Contact, string? OrganizationKey)> Contacts);

    /// <summary>Parsed and shaped outside the timing, as the app would have them just before writing.</summary>
    private static Shaped Rows(byte[] file)
    {
        var now = DateTime.UtcNow;
        var connections = ConnectionsCsv.Read(new MemoryStream(file), "Connections.csv").Connections;
        var organizations = new List<(string, string)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var contacts = new List<(Contact, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in connections)
        {
            if (row.ProfileUrl is not null && !seen.Add(row.ProfileUrl)) continue;
            string? key = null;
            if (!string.IsNullOrWhiteSpace(row.Company))
            {
                key = Organization.Normalize(row.Company.Trim());
                if (names.TryAdd(key, row.Company.Trim())) organizations.Add((key, row.Company.Trim()));
            }
            contacts.Add((LinkedInImport.NewContact(row, key is null ? null : (0, names[key]), now), key));
        }
        return new Shaped(organizations, contacts);
    }

    private static async Task<string> MigratedWithOwnerAsync(BenchDatabase database)
    {
        var owner = Guid.NewGuid().ToString();
        await using var db = ActivitySeeder.Open(database, owner);
        if (!database.IsPostgres)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
        await db.Database.MigrateAsync();
        db.Users.Add(new RapportUser
        {
            Id = owner, UserName = "raw@bench", NormalizedUserName = "RAW@BENCH", Email = "raw@bench", NormalizedEmail = "RAW@BENCH",
            SecurityStamp = Guid.NewGuid().ToString(), DisplayName = "Raw", CreatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return owner;
    }

    private static async Task InsertAsync(SqliteConnection connection, string owner, Shaped rows)
    {
        var now = DateTime.UtcNow;
        await using var transaction = connection.BeginTransaction();
        await using var organization = Statement.For(connection, transaction, "Organizations", ["OwnerId", "Name", "NormalizedName", "Status", "CreatedAtUtc", "UpdatedAtUtc"], returnId: true);
        await using var contact = Statement.For(connection, transaction, "Contacts",
            ["OwnerId", "Uid", "FirstName", "LastName", "Title", "OrganizationId", "LinkedInUrl", "Source", "Imported", "Priority", "DoNotContact", "ConnectedOn",
             "LinkedInCompany", "LinkedInPosition", "SearchKey", "SearchText", "CreatedAtUtc", "UpdatedAtUtc"], returnId: true);
        await using var email = Statement.For(connection, transaction, "ContactEmails", ["OwnerId", "ContactId", "Address", "NormalizedAddress"], returnId: false);
        await using var entry = Statement.For(connection, transaction, "ContactEvents", ["OwnerId", "ContactId", "OccurredAtUtc", "Kind", "Text"], returnId: false);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, name) in rows.Organizations) ids[key] = await organization.RunAsync(owner, name, key, 0, now, now);
        foreach (var (c, key) in rows.Contacts)
        {
            var id = await contact.RunAsync(owner, c.Uid.ToString().ToUpperInvariant(), c.FirstName, c.LastName, c.Title, key is null ? null : ids[key],
                c.LinkedInUrl, (int?)c.Source, true, (int)c.Priority, false, c.ConnectedOn, c.LinkedInCompany, c.LinkedInPosition, c.SearchKey, c.SearchText, now, now);
            foreach (var e in c.Emails) await email.RunAsync(owner, id, e.Address, e.NormalizedAddress);
            foreach (var e in c.Events) await entry.RunAsync(owner, id, e.OccurredAtUtc, (int)e.Kind, e.Text);
        }
        await transaction.CommitAsync();
    }

    /// <summary>One INSERT, prepared once and run for every row.</summary>
    private sealed class Statement : IAsyncDisposable
    {
        private readonly SqliteCommand _command;
        private readonly bool _returnId;

        private Statement(SqliteCommand command, bool returnId) => (_command, _returnId) = (command, returnId);

        public static Statement For(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, bool returnId)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})"
                + (returnId ? " RETURNING \"Id\"" : "");
            for (var i = 0; i < columns.Length; i++) command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
            command.Prepare();
            return new Statement(command, returnId);
        }

        public async Task<long> RunAsync(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            if (_returnId) return (long)(await _command.ExecuteScalarAsync())!;
            await _command.ExecuteNonQueryAsync();
            return 0;
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string owner, Shaped rows)
    {
        var now = DateTime.UtcNow;
        await using var transaction = await connection.BeginTransactionAsync();
        var organizationIds = await IdsAsync(connection, "Organizations", rows.Organizations.Count);
        var contactIds = await IdsAsync(connection, "Contacts", rows.Contacts.Count);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await CopyRowsAsync(connection, "Organizations", ["Id", "OwnerId", "Name", "NormalizedName", "Status", "CreatedAtUtc", "UpdatedAtUtc"],
            rows.Organizations.Select((o, i) => { ids[o.Key] = organizationIds[i]; return new object?[] { organizationIds[i], owner, o.Name, o.Key, 0, now, now }; }));
        await CopyRowsAsync(connection, "Contacts",
            ["Id", "OwnerId", "Uid", "FirstName", "LastName", "Title", "OrganizationId", "LinkedInUrl", "Source", "Imported", "Priority", "DoNotContact", "ConnectedOn",
             "LinkedInCompany", "LinkedInPosition", "SearchKey", "SearchText", "CreatedAtUtc", "UpdatedAtUtc"],
            rows.Contacts.Select((r, i) => new object?[] { contactIds[i], owner, r.Contact.Uid, r.Contact.FirstName, r.Contact.LastName, r.Contact.Title,
                r.OrganizationKey is null ? null : ids[r.OrganizationKey], r.Contact.LinkedInUrl, (int?)r.Contact.Source, true, (int)r.Contact.Priority, false,
                r.Contact.ConnectedOn, r.Contact.LinkedInCompany, r.Contact.LinkedInPosition, r.Contact.SearchKey, r.Contact.SearchText, now, now }));
        await CopyRowsAsync(connection, "ContactEmails", ["OwnerId", "ContactId", "Address", "NormalizedAddress"],
            rows.Contacts.SelectMany((r, i) => r.Contact.Emails.Select(e => new object?[] { owner, contactIds[i], e.Address, e.NormalizedAddress })));
        await CopyRowsAsync(connection, "ContactEvents", ["OwnerId", "ContactId", "OccurredAtUtc", "Kind", "Text"],
            rows.Contacts.SelectMany((r, i) => r.Contact.Events.Select(e => new object?[] { owner, contactIds[i], DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc), (int)e.Kind, e.Text })));
        await transaction.CommitAsync();
    }

    private static async Task<int[]> IdsAsync(NpgsqlConnection connection, string table, int count)
    {
        await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id'))::int FROM generate_series(1, {count})", connection);
        var ids = new List<int>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return [.. ids];
    }

    private static async Task CopyRowsAsync(NpgsqlConnection connection, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            foreach (var value in row)
            {
                await (value switch
                {
                    null => copy.WriteNullAsync(),
                    string s => copy.WriteAsync(s, NpgsqlDbType.Text),
                    int i => copy.WriteAsync(i, NpgsqlDbType.Integer),
                    bool b => copy.WriteAsync(b, NpgsqlDbType.Boolean),
                    Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid),
                    DateOnly d => copy.WriteAsync(d, NpgsqlDbType.Date),
                    DateTime t => copy.WriteAsync(t, NpgsqlDbType.TimestampTz),
                    _ => throw new NotSupportedException(value.GetType().Name),
                });
            }
        }
        await copy.CompleteAsync();
    }
}
