using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Bench.Hosting;

namespace Rapport.Bench.Baselines;

/// <summary>Plain connections to the app's database, beside the running app.</summary>
public static class RawQueries
{
    public static async Task<DbConnection> OpenAsync(BenchDatabase db)
    {
        DbConnection connection = db.IsPostgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        if (!db.IsPostgres)
        {
            // The app's own settings for every connection.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
            await pragmas.ExecuteNonQueryAsync();
        }
        return connection;
    }

    public static async Task<string> OwnerIdAsync(BenchDatabase db)
    {
        await using var connection = await OpenAsync(db);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "AspNetUsers" ORDER BY "CreatedAtUtc" LIMIT 1""";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The contacts of the first account (the owner the benchmark signs in as).</summary>
    public static async Task<IReadOnlyList<int>> ContactIdsAsync(BenchDatabase db)
    {
        var owner = await OwnerIdAsync(db);
        await using var connection = await OpenAsync(db);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Contacts" WHERE "OwnerId" = @owner ORDER BY "Id" """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@owner";
        parameter.Value = owner;
        command.Parameters.Add(parameter);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    /// <summary>Where each page of the people list after the first starts, as its Next link says (<c>after=</c>): the
    /// sort key and id of every fiftieth person by name, in the database's own order.</summary>
    public static async Task<IReadOnlyList<string>> PageStartsAsync(BenchDatabase db)
    {
        var owner = await OwnerIdAsync(db);
        await using var connection = await OpenAsync(db);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "SearchKey", "Id" FROM "Contacts" WHERE "OwnerId" = @owner AND "DeletedAtUtc" IS NULL ORDER BY "SearchKey", "Id" """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@owner";
        parameter.Value = owner;
        command.Parameters.Add(parameter);
        var starts = new List<string>();
        var row = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (++row % Rapport.Features.People.IndexModel.PageSize == 0)
                starts.Add(new Rapport.Features.People.ListPosition(reader.GetString(0), reader.GetInt32(1)).ToString());
        return starts;
    }
}
