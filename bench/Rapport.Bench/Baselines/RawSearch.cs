using System.Data.Common;
using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;
using Rapport.Data;

namespace Rapport.Bench.Baselines;

/// <summary>The floor for search: the search in its plain SQL form (the full count of matches, then the first
/// page in name order, each term through the full-text index on SQLite), on prepared, warm commands with no
/// web app around it. The app goes further (it counts up to 1,000 and lets the index drive), so it can be faster.</summary>
public static class RawSearch
{
    public static async Task<(LoadResult One, LoadResult Many)> MeasureAsync(BenchDatabase db, string ownerId, IReadOnlyList<string> queries)
    {
        Console.WriteLine("  baseline search...");
        var connections = new List<SearchConnection>();
        try
        {
            for (var i = 0; i < BenchSettings.SearchClients; i++) connections.Add(await SearchConnection.OpenAsync(db, ownerId));
            var pool = new System.Collections.Concurrent.ConcurrentBag<SearchConnection>(connections);
            async Task Send(int i)
            {
                pool.TryTake(out var connection);
                try { await connection!.RunAsync(queries[i % queries.Count]); }
                finally { pool.Add(connection!); }
            }
            await Load.RunAsync(1, Math.Min(40, queries.Count), Send);
            var one = await Load.RunAsync(1, queries.Count, Send);
            var many = await Load.RunAsync(BenchSettings.SearchClients, queries.Count * 4, Send);
            return (one, many);
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private sealed class SearchConnection : IAsyncDisposable
    {
        private readonly DbConnection _connection;
        private readonly string _owner;
        private readonly bool _postgres;
        private readonly Dictionary<int, (DbCommand Page, DbCommand Count)> _prepared = [];

        private SearchConnection(DbConnection connection, string owner, bool postgres) => (_connection, _owner, _postgres) = (connection, owner, postgres);

        public static async Task<SearchConnection> OpenAsync(BenchDatabase db, string owner) =>
            new(await RawQueries.OpenAsync(db), owner, db.IsPostgres);

        public async Task RunAsync(string query)
        {
            var terms = ContactFullText.Terms(query);
            if (!_prepared.TryGetValue(terms.Count, out var commands))
                _prepared[terms.Count] = commands = (Prepare(terms.Count, count: false), Prepare(terms.Count, count: true));
            for (var i = 0; i < terms.Count; i++)
            {
                commands.Page.Parameters[i + 1].Value = "%" + terms[i] + "%";
                commands.Count.Parameters[i + 1].Value = "%" + terms[i] + "%";
            }
            await commands.Count.ExecuteScalarAsync();
            await using var reader = await commands.Page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var f = 0; f < reader.FieldCount; f++) _ = reader.IsDBNull(f) ? null : reader.GetValue(f);
            }
        }

        private DbCommand Prepare(int terms, bool count)
        {
            var command = _connection.CreateCommand();
            var match = string.Join(" AND ", Enumerable.Range(1, terms).Select(i => _postgres
                ? $"c.\"SearchText\" LIKE @p{i}"
                : $"c.\"Id\" IN (SELECT s.rowid FROM \"ContactSearch\" s WHERE s.\"SearchText\" LIKE @p{i})"));
            var where = $"c.\"OwnerId\" = @p0" + (terms > 0 ? " AND " + match : "");
            command.CommandText = count
                ? $"SELECT COUNT(*) FROM \"Contacts\" c WHERE {where}"
                : $"""
                   SELECT c."Id", c."FirstName", c."LastName", c."Title", o."Name", c."City", c."Priority", c."DoNotContact", c."LastContactedOn"
                   FROM "Contacts" c LEFT JOIN "Organizations" o ON o."Id" = c."OrganizationId"
                   WHERE {where} ORDER BY c."SearchKey", c."Id" LIMIT 50
                   """;
            for (var i = 0; i <= terms; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.Value = i == 0 ? _owner : "";
                command.Parameters.Add(parameter);
            }
            command.Prepare();
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (page, count) in _prepared.Values)
            {
                await page.DisposeAsync();
                await count.DisposeAsync();
            }
            await _connection.DisposeAsync();
        }
    }
}
