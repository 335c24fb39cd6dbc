using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

/// <summary>Which writes count as writing the facts the follow-up rules read (docs/decisions/012-rules-follow-from-saving.md):
/// exactly those, and only once they commit, whether saved through the change tracker or past it.</summary>
public class RuleFactTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private async Task<(string Owner, int Contact)> PersonAsync()
    {
        var person = await _app.SignUpAsync();
        await _app.Services.RunOutsideRequestAsync(person.Id, services => services.GetRequiredService<DemoData>().AddSampleContactsAsync());
        var amara = await _app.WithDbAsync(person.Id, db => db.Contacts.Where(c => c.FirstName == "Amara").Select(c => c.Id).SingleAsync());
        return (person.Id, amara);
    }

    /// <summary>Runs <paramref name="write"/> in a scope acting for <paramref name="owner"/> and says whose facts it noted.</summary>
    private async Task<IReadOnlyList<string>> NotedAsync(string owner, Func<RapportDb, RuleFactChanges, Task> write)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(owner);
        var changes = scope.ServiceProvider.GetRequiredService<RuleFactChanges>();
        await write(scope.ServiceProvider.GetRequiredService<RapportDb>(), changes);
        return changes.Take();
    }

    private Task<IReadOnlyList<string>> NotedAsync(string owner, Func<RapportDb, Task> write) => NotedAsync(owner, (db, _) => write(db));

    [Fact]
    public async Task Tagging_a_contact_is_a_fact_of_its_owner()
    {
        var (owner, amara) = await PersonAsync();
        Assert.Equal([owner], await NotedAsync(owner, async db =>
        {
            var tag = ContactTag.Named("mentor");
            tag.ContactId = amara;
            db.ContactTags.Add(tag);
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Editing_a_contacts_notes_or_name_alone_is_no_fact()
    {
        var (owner, amara) = await PersonAsync();
        Assert.Empty(await NotedAsync(owner, async db =>
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == amara);
            contact.Notes = "Likes tea.";
            contact.FirstName = "Amara Ngozi";
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_sign_in_touching_the_accounts_stamps_and_counters_is_no_fact_but_its_rule_settings_are()
    {
        var (owner, _) = await PersonAsync();
        Assert.Empty(await NotedAsync(owner, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == owner);
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.AccessFailedCount++;
            user.DigestSentOn = new DateOnly(2026, 11, 27);
            // As the user manager saves it: every column marked, the values unchanged.
            db.Users.Update(user);
            await db.SaveChangesAsync();
        }));
        Assert.Equal([owner], await NotedAsync(owner, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == owner)).TimeZoneId = "America/Chicago";
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_write_rolled_back_is_no_fact_and_one_committed_counts_once_committed()
    {
        var (owner, amara) = await PersonAsync();
        Assert.Empty(await NotedAsync(owner, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Contacts.SingleAsync(c => c.Id == amara)).DoNotContact = true;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }));
        Assert.Equal([owner], await NotedAsync(owner, async (db, changes) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Contacts.SingleAsync(c => c.Id == amara)).DoNotContact = true;
            await db.SaveChangesAsync();
            Assert.False(changes.Any);
            await transaction.CommitAsync();
        }));
    }

    [Fact]
    public async Task A_bulk_update_of_a_fact_column_is_a_fact_and_one_of_other_columns_is_not()
    {
        var (owner, amara) = await PersonAsync();
        Assert.Equal([owner], await NotedAsync(owner, db =>
            db.Conversations.Where(c => c.ContactId == amara).ExecuteUpdateAsync(u => u.SetProperty(c => c.DurationMinutes, 45))));
        Assert.Empty(await NotedAsync(owner, db =>
            db.Conversations.Where(c => c.ContactId == amara).ExecuteUpdateAsync(u => u.SetProperty(c => c.FreeNotes, "bulk").SetProperty(c => c.Version, c => c.Version + 1))));
        Assert.Equal([owner], await NotedAsync(owner, db => db.Promises.ExecuteDeleteAsync()));
    }

    [Fact]
    public async Task Deleting_for_good_what_is_in_the_trash_is_no_fact_but_moving_it_there_is()
    {
        var (owner, amara) = await PersonAsync();
        Assert.Equal([owner], await NotedAsync(owner, async db =>
        {
            (await db.Contacts.SingleAsync(c => c.Id == amara)).DeletedAtUtc = _app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }));
        Assert.Empty(await NotedAsync(owner, async db =>
        {
            db.Contacts.Remove(await db.ContactsWithTrash.SingleAsync(c => c.Id == amara));
            await db.SaveChangesAsync();
        }));
    }
}
