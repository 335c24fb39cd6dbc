using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.IntegrationTests.Infrastructure;

public enum TestProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>A fresh, empty database for one app under test: a SQLite file in a temporary folder, or a
/// new PostgreSQL database. The provider comes from RAPPORT_TEST_PROVIDER (the test script runs the
/// suite once for each); PostgreSQL that cannot be reached fails the test, it is never skipped.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;

    private TestDatabase(TestProvider provider, string connectionString, string dataDirectory, string? postgresName, string? postgresAdmin)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _postgresName = postgresName;
        _postgresAdmin = postgresAdmin;
    }

    public static TestProvider CurrentProvider =>
        Environment.GetEnvironmentVariable("RAPPORT_TEST_PROVIDER")?.ToLowerInvariant() is "postgresql" or "postgres" or "npgsql"
            ? TestProvider.PostgreSql
            : TestProvider.Sqlite;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES") ?? "Host=localhost;Username=rapport_test;Password=rapport_test";

    public TestProvider Provider { get; }
    public string ConnectionString { get; }
    public string DataDirectory { get; }
    public string ProviderSetting => Provider == TestProvider.Sqlite ? "Sqlite" : "PostgreSql";

    public static async Task<TestDatabase> CreateAsync(TestProvider? provider = null)
    {
        var chosen = provider ?? CurrentProvider;
        var folder = Path.Combine(Path.GetTempPath(), "rapport-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (chosen == TestProvider.Sqlite)
            return new TestDatabase(chosen, $"Data Source={Path.Combine(folder, "rapport.db")}", folder, null, null);

        var name = "rapport_test_" + Guid.NewGuid().ToString("N")[..16];
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString();
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable with '{PostgresServer}' ({e.Message}). Run scripts/test, which installs and starts it.", e);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
        return new TestDatabase(chosen, connectionString, folder, name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            // A server process of another role (an autovacuum worker) may still be on the database, and
            // only pg_signal_backend may end it: it finishes soon, so try again for a while.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 40)
                {
                    await Task.Delay(250);
                }
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
