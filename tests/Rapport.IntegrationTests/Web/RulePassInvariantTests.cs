using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>The follow-up rules follow every write of their facts, whichever way it came
/// (docs/decisions/012-rules-follow-from-saving.md): after any write of the access catalogue, sent with valid
/// inputs by the signed-in person, a rule pass of the test's own finds nothing left to add, move or close. The
/// catalogue must list every endpoint, so a new one that writes facts without the pass following fails here.</summary>
public class RulePassInvariantTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task After_every_catalogued_write_a_rule_pass_of_ones_own_finds_nothing_left_to_do()
    {
        var problems = new List<string>();
        var writesThatMovedTasks = new List<string>();
        foreach (var access in AccessCatalogue.All.Where(a => a.Verb == "POST"))
        {
            if (access.SqliteOnlyBecause is not null && _app.Database.Provider != TestProvider.Sqlite) continue;
            var (sender, ids) = await AccessSweep.ForWriteAsync(_app, access);
            var owner = sender.User.Id;
            if (access.Sender == Sender.Seeded) await AddFactsForEveryRuleAsync(owner, ids);
            await PassAsync(owner);
            var before = await TasksAsync(owner);

            var own = new IdChoice(access.AllSlots.ToDictionary(s => s, s => ids.All(s.Kind)), "own");
            var response = await sender.SendAsync(access, own, htmx: false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or >= HttpStatusCode.InternalServerError)
                problems.Add($"{access} answered {AccessSweep.Show(response)}");
            if (!(await TasksAsync(owner)).SequenceEqual(before)) writesThatMovedTasks.Add(access.ToString());

            var left = await PassAsync(owner);
            if (!left.IsEmpty) problems.Add($"{access} answered {AccessSweep.Show(response)}; a rule pass after it still {left}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The writes of facts must have been tried for real: many of them make, move or close tasks.
        Assert.True(writesThatMovedTasks.Count >= 15, "Only these writes changed tasks: " + string.Join("\n", writesThatMovedTasks));
    }

    [Fact]
    public async Task Reading_pages_runs_no_rule_pass()
    {
        var person = await _app.SignUpAsync();
        var ids = await _app.AddEveryKindAsync(person);
        await PassAsync(person.Id);
        // A fact written past the app, so a pass would have something to do.
        await _app.WithDbAsync(person.Id, async db =>
        {
            db.SearchOutcomes.Add(new SearchOutcome { Kind = OutcomeKind.Paused, Text = "Unseen", RecordedAtUtc = _app.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var before = await TasksAsync(person.Id);
        var reader = await AccessSweep.ForAsync(_app, person);
        foreach (var access in AccessCatalogue.All.Where(a => a.Verb == "GET" && a.NoIdBecause is null))
        {
            var response = await reader.SendAsync(access, new IdChoice(access.AllSlots.ToDictionary(s => s, s => ids.All(s.Kind)), "own"), htmx: false);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{access} answered {AccessSweep.Show(response)}");
        }
        foreach (var page in new[] { "/", "/follow-ups", "/outcome", "/people", "/conversations", "/account/rules", "/trash" })
            Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync(page)).StatusCode);
        Assert.Equal(before, await TasksAsync(person.Id));
        Assert.NotEmpty((await PassAsync(person.Id)).Added);
    }

    [Fact]
    public async Task Setting_up_an_install_with_the_sample_data_leaves_the_rules_nothing_to_do()
    {
        await using var app = await RapportApp.StartAsync(provider: _app.Database.Provider, completeSetup: false);
        var client = app.CreateAppClient();
        var setup = await client.GetPageAsync("/account/setup");
        var response = await client.SubmitAsync(setup, "main form", new()
        {
            ["Input.DisplayName"] = "Owner", ["Input.Email"] = RapportApp.OwnerEmail, ["Input.Password"] = RapportApp.OwnerPassword,
            ["Input.ConfirmPassword"] = RapportApp.OwnerPassword, ["Input.TimeZoneId"] = "Europe/Berlin", ["LoadSampleData"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var owner = await app.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());
        Assert.NotEmpty(await TasksAsync(owner, app));
        Assert.True((await PassAsync(owner, app)).IsEmpty);
    }

    [Fact]
    public async Task Starting_with_demo_data_leaves_the_rules_nothing_to_do()
    {
        await using var app = await RapportApp.StartAsync(new() { ["Demo:Enabled"] = "true" }, provider: _app.Database.Provider, completeSetup: false);
        var demo = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == DemoOptions.Email).Select(u => u.Id).SingleAsync());
        Assert.NotEmpty(await TasksAsync(demo, app));
        Assert.True((await PassAsync(demo, app)).IsEmpty);
    }

    /// <summary>Beyond the sample data (a held conversation with a promise and a referral, a request without a
    /// reply, a decline, an outcome): held conversations with the person referred (so the referrer is told) and
    /// with the contact the catalogue's requests name, and cadences for their tags and for the tag the bulk
    /// action adds, so what those requests change moves a task.</summary>
    private Task<int> AddFactsForEveryRuleAsync(string ownerId, OwnedIds ids) => _app.WithDbAsync(ownerId, async db =>
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var grace = await db.Contacts.SingleAsync(c => c.FirstName == "Grace");
        var contact = int.Parse(ids[Owned.Contact], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (id, daysAgo) in new[] { (grace.Id, 2), (contact, 3) })
        {
            if (await db.Conversations.AnyAsync(c => c.ContactId == id && c.Stage == ConversationStage.Held)) continue;
            db.Conversations.Add(new Conversation
            {
                ContactId = id, Stage = ConversationStage.Held, StageChangedAtUtc = now, MeetingStartUtc = now.AddDays(-daysAgo), TimeZoneId = "UTC",
            });
        }
        var known = await db.TagCadences.Select(c => c.TagNormalizedName).ToListAsync();
        var tags = await db.ContactTags.Where(t => t.ContactId == contact).Select(t => t.NormalizedName).ToListAsync();
        foreach (var tag in tags.Append("designer").Distinct().Except(known))
            db.TagCadences.Add(new TagCadence { TagNormalizedName = tag, Days = 45 });
        db.TagCadences.Add(new TagCadence { TagNormalizedName = "planted", Days = 30 });
        return await db.SaveChangesAsync();
    });

    /// <summary>A rule pass as the app runs it: the engine in a scope of its own, acting for the person.</summary>
    private Task<RuleTaskChanges> PassAsync(string ownerId, RapportApp? app = null) =>
        (app ?? _app).Services.GetRequiredService<IServiceScopeFactory>()
            .RunOutsideRequestAsync(ownerId, services => services.GetRequiredService<FollowUpEngine>().SyncAsync());

    /// <summary>The person's rule-made tasks: key, due time, and whether still open.</summary>
    private Task<List<string>> TasksAsync(string ownerId, RapportApp? app = null) => (app ?? _app).WithDbAsync(ownerId, async db =>
        (await db.FollowUpTasks.IgnoreQueryFilters(RapportDb.TrashOnly).Where(t => t.RuleKey != null)
            .Select(t => new { t.RuleKey, t.DueUtc, Open = t.DoneAtUtc == null && t.DismissedAtUtc == null }).ToListAsync())
        .Select(t => $"{t.RuleKey} {t.DueUtc:O} {(t.Open ? "open" : "closed")}").Order(StringComparer.Ordinal).ToList());
}
