using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

public class StorageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Sqlite_runs_in_WAL_with_full_sync_foreign_keys_a_busy_timeout_and_mapped_reads()
    {
        // About SQLite only, so it starts its own SQLite app whichever provider the suite runs on.
        await using var sqlite = await RapportApp.StartAsync(provider: TestProvider.Sqlite);
        var settings = await sqlite.WithDbAsync(null, async db =>
        {
            await db.Database.OpenConnectionAsync();
            return new[]
            {
                (await db.Database.SqlQuery<string>($"SELECT CAST(journal_mode AS TEXT) AS Value FROM pragma_journal_mode").ToListAsync()).Single(),
                (await db.Database.SqlQuery<string>($"SELECT CAST(synchronous AS TEXT) AS Value FROM pragma_synchronous").ToListAsync()).Single(),
                (await db.Database.SqlQuery<string>($"SELECT CAST(foreign_keys AS TEXT) AS Value FROM pragma_foreign_keys").ToListAsync()).Single(),
                (await db.Database.SqlQuery<string>($"SELECT CAST(timeout AS TEXT) AS Value FROM pragma_busy_timeout").ToListAsync()).Single(),
                await MappedSizeAsync(db),
            };
        });
        Assert.Equal(["wal", "2", "1", "30000", "1073741824"], settings);
    }

    // mmap_size has no pragma table to select from.
    private static async Task<string> MappedSizeAsync(Rapport.Data.RapportDb db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task Transactions_that_read_then_write_at_once_never_fail_with_database_is_locked()
    {
        // A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another
        // writer got in between; transactions that take the write lock up front simply wait their turn.
        await using var sqlite = await RapportApp.StartAsync(provider: TestProvider.Sqlite);
        var user = await sqlite.SignUpAsync();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => sqlite.WithDbAsync(user.Id, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var before = await db.Contacts.CountAsync();
            await Task.Delay(20);
            var contact = new Rapport.Domain.Contact { FirstName = $"Counted after {before} ({i})" };
            contact.RefreshSearch(null);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return before;
        }))));
        Assert.Equal(12, await sqlite.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Twenty_people_saving_at_once_all_succeed()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _app.SignUpAsync()));
        var forms = await Task.WhenAll(users.Select(u => u.Client.GetPageAsync("/people/new")));
        var responses = await Task.WhenAll(users.Select((u, i) => u.Client.SubmitAsync(forms[i], "main form", new() { ["Input.FirstName"] = $"Parallel {i}" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var user in users)
            Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }

    [Theory]
    [InlineData("Ada\u0000Lovelace")]
    [InlineData("\u0000")]
    public async Task Text_with_a_NUL_is_refused_with_a_message_on_every_provider(string name)
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new() { ["Input.FirstName"] = name, ["Input.Notes"] = "ok" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/people/new");
        Assert.Contains("NUL character", page.ErrorFor("Input.FirstName"));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }
}
