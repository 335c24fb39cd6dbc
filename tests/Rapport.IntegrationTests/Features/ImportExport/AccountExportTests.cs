using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.Features.ImportExport;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

/// <summary>The full JSON export of an account and its restore: into a fresh install on the same database
/// and on the other one, with nothing lost, and never touching another account.</summary>
public class AccountExportTests
{
    private static TestProvider Other(TestProvider provider) => provider == TestProvider.Sqlite ? TestProvider.PostgreSql : TestProvider.Sqlite;

    [Fact]
    public async Task An_export_restored_on_the_other_database_and_back_exports_the_same()
    {
        var here = TestDatabase.CurrentProvider;
        await using var source = await RapportApp.StartAsync(provider: here);
        var person = await source.SignUpAsync("Rich Person");
        await RichAccount.SeedAsync(source, person.Id);
        var original = await RichAccount.ExportAsync(person.Client);

        var tables = original["tables"]!.AsObject();
        foreach (var (name, rows) in tables) Assert.True(rows!.AsArray().Count > 0, $"The seeded account has no rows in {name}: seed them, or the round trip proves nothing for that table.");
        Assert.Contains(tables["Contacts"]!.AsArray(), c => (string?)c!["Notes"] == "Zoë said: \"call after 5\"\nsecond line 🙂 <b>not html</b>");

        // The other database, in this same test process: through the services rather than pages, because the
        // app's compiled queries (sign-in checks, lists) belong to one model, that of this run's database.
        JsonObject there;
        await using (var other = await RapportApp.StartAsync(provider: Other(here), completeSetup: false))
        {
            var id = await CreateAccountAsync(other, "elsewhere@example.com");
            var outcome = await InScopeAsync(other, id, s => s.GetRequiredService<AccountRestore>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(original.ToJsonString()))));
            Assert.True(outcome.Restored, outcome.Message);
            await InScopeAsync(other, id, async s => { await s.GetRequiredService<FollowUpEngine>().SyncAsync(); return 0; });
            there = await InScopeAsync(other, id, async s =>
            {
                var buffer = new MemoryStream();
                await s.GetRequiredService<AccountExport>().WriteAsync(buffer);
                return JsonNode.Parse(buffer.ToArray())!.AsObject();
            });
        }
        Assert.Equal(RichAccount.Comparable(original), RichAccount.Comparable(there));

        // And back, through the pages a person uses.
        await using var back = await RapportApp.StartAsync(provider: here);
        var newcomer = await back.SignUpAsync("Someone New");
        var restored = await RichAccount.RestoreAsync(newcomer.Client, Encoding.UTF8.GetBytes(there.ToJsonString()));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.StartsWith("Restored", (await newcomer.Client.FollowAsync(restored)).Status);
        // The rules see their own tasks again: restoring must not make them twice.
        await InScopeAsync(back, newcomer.Id, async s => { await s.GetRequiredService<FollowUpEngine>().SyncAsync(); return 0; });
        Assert.Equal(RichAccount.Comparable(original), RichAccount.Comparable(await RichAccount.ExportAsync(newcomer.Client)));
    }

    private static async Task<T> InScopeAsync<T>(RapportApp app, string userId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(userId);
        return await work(scope.ServiceProvider);
    }

    private static async Task<string> CreateAccountAsync(RapportApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<RapportUser>>();
        var user = new RapportUser { UserName = email, Email = email, DisplayName = "Elsewhere", CreatedAtUtc = DateTime.UtcNow };
        var result = await users.CreateAsync(user, "a long and quiet pass phrase");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    [Fact]
    public async Task Every_owned_table_is_in_the_export_but_sessions_pending_uploads_and_feed_secrets()
    {
        await using var app = await RapportApp.StartAsync();
        var person = await app.SignUpAsync();
        var export = await RichAccount.ExportAsync(person.Client);
        var model = await app.WithDbAsync(null, db => Task.FromResult(db.Model));

        var owned = model.GetEntityTypes().Where(e => typeof(IOwned).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType).ToHashSet();
        Assert.Equal(new HashSet<Type> { typeof(UserSession), typeof(PendingImport), typeof(CalendarFeed), typeof(AuditEvent) }, AccountTables.NotExported.Keys.ToHashSet());
        var expected = owned.Except(AccountTables.NotExported.Keys).Select(t => model.FindEntityType(t)!.GetTableName()!).Order().ToList();
        Assert.Equal(expected, export["tables"]!.AsObject().Select(t => t.Key).Order().ToList());
        // Every column but the owner and the edit version, so nothing of a row is left behind.
        var contactColumns = model.FindEntityType(typeof(Contact))!.GetProperties().Select(p => p.Name).Where(n => n is not "OwnerId" and not "Version").Order();
        Assert.Equal(contactColumns, AccountTables.Exported(model).Single(t => t.Type.ClrType == typeof(Contact)).Columns.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task Restoring_leaves_other_accounts_as_they_were()
    {
        await using var app = await RapportApp.StartAsync();
        var bystander = await app.SignUpAsync("Bystander");
        await RichAccount.SeedAsync(app, bystander.Id);
        var before = RichAccount.Comparable(await RichAccount.ExportAsync(bystander.Client));

        var newcomer = await app.SignUpAsync("Newcomer");
        var restored = await RichAccount.RestoreAsync(newcomer.Client, Encoding.UTF8.GetBytes(before));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        Assert.Equal(before, RichAccount.Comparable(await RichAccount.ExportAsync(bystander.Client)));
        var counts = await app.WithDbAsync(null, db => db.Contacts.IgnoreQueryFilters().GroupBy(c => c.OwnerId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(2, counts.Count);
        Assert.Equal(counts[0], counts[1]);
    }

    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "not json", "this is not { json", "not valid JSON" },
        { "another program's JSON", """{"contacts":[{"name":"Ada"}]}""", "not a Rapport export" },
        { "a newer format", """{"format":"rapport-export","version":99,"tables":{}}""", "newer version of Rapport" },
        { "an unknown table", """{"format":"rapport-export","version":1,"tables":{"Spaceships":[]}}""", "does not know (\"Spaceships\")" },
        { "a reference to a missing row", """{"format":"rapport-export","version":1,"tables":{"Contacts":[{"Id":1,"FirstName":"Ada","Priority":"Normal","OrganizationId":7}]}}""", "not in the file" },
        { "a wrong type", """{"format":"rapport-export","version":1,"tables":{"Contacts":[{"Id":1,"FirstName":"Ada","Priority":"Sometimes"}]}}""", "\"Priority\": the value is not valid" },
        { "text too long", $$$"""{"format":"rapport-export","version":1,"tables":{"Contacts":[{"Id":1,"FirstName":"Ada"},{"Id":2,"FirstName":"{{{new string('x', 201)}}}"}]}}""", "longer than 200" },
        { "a NUL character", """{"format":"rapport-export","version":1,"tables":{"Contacts":[{"Id":1,"FirstName":"Ada\u0000"}]}}""", "could not be stored" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_or_foreign_file_restores_nothing_and_says_why(string what, string content, string message)
    {
        await using var app = await RapportApp.StartAsync();
        var person = await app.SignUpAsync();
        var response = await RichAccount.RestoreAsync(person.Client, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/import/restore");
        var error = page.Document.QuerySelector("#restore-error")?.TextContent ?? "";
        Assert.True(error.Contains(message, StringComparison.Ordinal), $"{what}: {error}");
        Assert.Equal(0, await app.WithDbAsync(person.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task A_restore_into_an_account_that_holds_data_is_refused()
    {
        await using var app = await RapportApp.StartAsync();
        var person = await app.SignUpAsync();
        await app.AddContactAsync(person.Id, "Already", "Here");
        var export = """{"format":"rapport-export","version":1,"tables":{"Contacts":[{"Id":1,"FirstName":"Ada"}]}}""";
        var response = await RichAccount.RestoreAsync(person.Client, Encoding.UTF8.GetBytes(export));

        var page = await HtmlPage.ReadAsync(response, "/import/restore");
        Assert.Contains("already holds data", page.Document.QuerySelector("#restore-error")!.TextContent);
        Assert.Equal(["Already"], await app.WithDbAsync(person.Id, db => db.Contacts.Select(c => c.FirstName).ToListAsync()));
    }
}
