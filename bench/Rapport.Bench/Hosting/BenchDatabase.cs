using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Bench.Hosting;

/// <summary>Where one app instance keeps its data: a SQLite file in its data folder, or a PostgreSQL
/// database of its own, made fresh for the run.</summary>
public sealed record BenchDatabase(bool IsPostgres, string ConnectionString, string DataDirectory)
{
    public static BenchDatabase Sqlite(string dataDirectory) => new(false,
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "rapport.db"), ForeignKeys = true, Pooling = false }.ToString(),
        dataDirectory);

    /// <summary>Drops and creates <paramref name="name"/> on the server the connection string names.</summary>
    public static async Task<BenchDatabase> PostgresAsync(string serverConnectionString, string name, string dataDirectory)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ToString()))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name };
        return new BenchDatabase(true, database.ToString(), dataDirectory);
    }

    public static async Task DropPostgresAsync(string serverConnectionString, string name)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The settings that point the app at this database. Every bench client signs in from
    /// loopback, one address standing for many people, so the per-address sign-in limit is lifted.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>(IsPostgres
        ? new Dictionary<string, string> { ["Database__Provider"] = "PostgreSql", ["Database__ConnectionString"] = ConnectionString, ["App__DataDirectory"] = DataDirectory }
        : new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["App__DataDirectory"] = DataDirectory })
    {
        ["SignInLimits__PermitLimit"] = "1000000",
    };
}
