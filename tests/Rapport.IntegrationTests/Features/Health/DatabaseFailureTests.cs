using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Data;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Health;

/// <summary>The database stops, fills up or turns read-only while someone saves: they get a plain error page with a
/// reference code (also in the log), never a "saved" message; the health check says 503 and turns 200 again by itself
/// when the database is back. Each failure is made the way that database would meet it (see each test).</summary>
public partial class DatabaseFailureTests
{
    [Fact]
    public async Task A_read_only_database_gives_an_error_page_with_a_reference_and_health_recovers()
    {
        await using var app = await RapportApp.StartAsync();
        var (user, id, edit) = await ContactBeingEditedAsync(app);

        await ReadOnlyAsync(app, true);
        var response = await user.Client.SubmitAsync(edit, "#contact-form", new() { ["Input.FirstName"] = "Augusta" });

        await AssertPlainFailureAsync(app, response, app.Database.Provider == TestProvider.Sqlite
            ? "attempt to write a readonly database" : "cannot execute UPDATE in a read-only transaction");
        await AssertHealthAsync(app, HttpStatusCode.ServiceUnavailable);
        await ReadOnlyAsync(app, false);
        await AssertHealthAsync(app, HttpStatusCode.OK);
        await AssertUnchangedThenSavableAsync(user, id);
    }

    /// <summary>SQLite: query_only on every connection. PostgreSQL: the database turned read-only, as a standby
    /// is; connections made before keep their old setting, so they are renewed once, as after a failover. Turning
    /// it back is left to the app to notice.</summary>
    private static async Task ReadOnlyAsync(RapportApp app, bool readOnly)
    {
        if (app.Database.Provider == TestProvider.Sqlite)
        {
            app.Services.GetRequiredService<SqliteConnectionSetup>().ExtraPragmas = readOnly ? "PRAGMA query_only = 1;" : "PRAGMA query_only = 0;";
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET default_transaction_read_only = {(readOnly ? "on" : "off")}", admin);
        await alter.ExecuteNonQueryAsync();
        if (readOnly) NpgsqlConnection.ClearAllPools();
    }

    [SqliteFact("PostgreSQL has no per-database page limit, and filling the real disk is not safe in a test")]
    public async Task A_full_sqlite_database_gives_an_error_page_with_a_reference_and_health_recovers()
    {
        await using var app = await RapportApp.StartAsync();
        var (user, id, edit) = await ContactBeingEditedAsync(app);
        var setup = app.Services.GetRequiredService<SqliteConnectionSetup>();
        // No free pages left inside the file, and no more may be added: the next write that needs room fails (SQLITE_FULL).
        var pages = await app.WithDbAsync(null, async db =>
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM");
            return await db.Database.SqlQueryRaw<long>("SELECT page_count AS \"Value\" FROM pragma_page_count()").SingleAsync();
        });

        setup.ExtraPragmas = $"PRAGMA max_page_count = {pages};";
        var response = await user.Client.SubmitAsync(edit, "#contact-form", new() { ["Input.Notes"] = RandomText(40_000)[..20_000] });

        await AssertPlainFailureAsync(app, response, "database or disk is full");
        await AssertHealthAsync(app, HttpStatusCode.ServiceUnavailable);
        setup.ExtraPragmas = "PRAGMA max_page_count = 1073741823;";
        await AssertHealthAsync(app, HttpStatusCode.OK);
        await AssertUnchangedThenSavableAsync(user, id);
    }

    [Fact]
    public async Task A_stopped_database_gives_an_error_page_with_a_reference_and_health_recovers_without_a_restart()
    {
        if (TestDatabase.CurrentProvider == TestProvider.Sqlite)
        {
            // SQLite has no server to stop: its folder goes away (an unmounted disk) and comes back.
            await using var app = await RapportApp.StartAsync();
            var (user, id, edit) = await ContactBeingEditedAsync(app);
            var folder = app.Database.DataDirectory;
            Directory.Move(folder, folder + "-away");
            SqliteConnection.ClearAllPools();
            var response = await user.Client.SubmitAsync(edit, "#contact-form", new() { ["Input.FirstName"] = "Augusta" });
            await AssertPlainFailureAsync(app, response, "unable to open database file");
            await AssertHealthAsync(app, HttpStatusCode.ServiceUnavailable);
            Directory.Move(folder + "-away", folder);
            await AssertHealthAsync(app, HttpStatusCode.OK);
            await AssertUnchangedThenSavableAsync(user, id);
        }
        else
        {
            // PostgreSQL is reached through a proxy that the test cuts and restores; the server itself keeps running.
            var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
            await using var proxy = new TcpProxy(server.Host ?? "localhost", server.Port);
            var database = await TestDatabase.CreateAsync(TestProvider.PostgreSql);
            var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ToString();
            await using var app = await RapportApp.StartOnAsync(database, new() { ["Database:ConnectionString"] = throughProxy }, completeSetup: true);
            var (user, id, edit) = await ContactBeingEditedAsync(app);
            proxy.Cut();
            var response = await user.Client.SubmitAsync(edit, "#contact-form", new() { ["Input.FirstName"] = "Augusta" });
            await AssertPlainFailureAsync(app, response, "NpgsqlException");
            await AssertHealthAsync(app, HttpStatusCode.ServiceUnavailable);
            proxy.Restore();
            await AssertHealthAsync(app, HttpStatusCode.OK);
            await AssertUnchangedThenSavableAsync(user, id);
        }
    }

    private static async Task<(SignedInUser User, int Id, HtmlPage Edit)> ContactBeingEditedAsync(RapportApp app)
    {
        var user = await app.SignUpAsync();
        var id = await app.AddContactAsync(user.Id, "Ada", "Lovelace");
        return (user, id, await user.Client.GetPageAsync($"/people/{id}/edit"));
    }

    [GeneratedRegex("^[A-Z2-9]{8}$")]
    private static partial Regex ReferenceCode();

    private static async Task AssertPlainFailureAsync(RapportApp app, HttpResponseMessage response, string cause)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/error");
        Assert.Equal("Something went wrong", page.Document.QuerySelector("h1")?.TextContent.Trim());
        var reference = page.Document.QuerySelector("#error-reference code")?.TextContent.Trim() ?? "";
        Assert.Matches(ReferenceCode(), reference);
        foreach (var leak in new[] { "Exception", "   at ", "Npgsql", "Sqlite", "SQLite Error", "Stack" })
            Assert.DoesNotContain(leak, page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.Status);
        Assert.DoesNotContain("saved", page.Text.Replace("may not have been saved", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        // The log has the reference with the exception, and the exception is the failure the test made.
        Assert.Contains(app.Logs.Lines, line => line.Contains(reference, StringComparison.Ordinal) && line.Contains(cause, StringComparison.Ordinal));
    }

    /// <summary>Health is checked as a monitor would: every quarter second, for up to ten seconds, until it gives the expected answer.</summary>
    private static async Task AssertHealthAsync(RapportApp app, HttpStatusCode expected)
    {
        var client = app.CreateAppClient();
        var answer = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            answer = (await client.GetAsync("/healthz")).StatusCode;
            if (answer == expected) return;
            await Task.Delay(250);
        }
        Assert.Equal(expected, answer);
    }

    private static async Task AssertUnchangedThenSavableAsync(SignedInUser user, int id)
    {
        var page = await user.Client.GetPageAsync($"/people/{id}");
        Assert.Null(page.Status);
        Assert.Contains("Ada Lovelace", page.Document.QuerySelector("h1")!.TextContent);
        var edit = await user.Client.GetPageAsync($"/people/{id}/edit");
        var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(edit, "#contact-form", new() { ["Input.FirstName"] = "Augusta" }));
        Assert.Contains("Augusta Lovelace", saved.Document.QuerySelector("h1")!.TextContent);
    }

    private static string RandomText(int length) =>
        string.Concat(Enumerable.Range(0, length / 32 + 1).Select(_ => Guid.NewGuid().ToString("N")));
}
