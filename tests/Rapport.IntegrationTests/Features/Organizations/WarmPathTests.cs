using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Data;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Organizations;

/// <summary>"Who can introduce me at X", on the organization's page, as a search, and on the target list.</summary>
public class WarmPathTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;
    private static readonly DateTime Met = new(2026, 5, 3, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>Acme holds one path of each kind; Globex holds a former Acme engineer; Initech nobody.</summary>
    private async Task<(SignedInUser User, int Acme)> AccountWithPathsAsync()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            var me = await db.Users.SingleAsync(u => u.Id == user.Id);
            me.School = "Universidade de Lisboa";
            return await db.SaveChangesAsync();
        });
        var hana = await _app.AddContactAsync(user.Id, "Hana", "Held", "Acme");
        var raul = await _app.AddContactAsync(user.Id, "Raul", "Replied", "Acme");
        await _app.AddContactAsync(user.Id, "Alma", "Alumna", "Acme", c => c.AlumniOf = "UNIVERSIDADE de LISBOA");
        var carl = await _app.AddContactAsync(user.Id, "Carl", "Referrer", "Acme");
        var dora = await _app.AddContactAsync(user.Id, "Dora", "Referred", "Elsewhere Ltd");
        await _app.AddContactAsync(user.Id, "Nina", "Nocontact", "Acme", c => c.DoNotContact = true);
        await _app.AddContactAsync(user.Id, "Fred", "Former", "Globex", c => c.PastPositions.Add(PastPosition.At("ACME", "Engineer", new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc))));
        await _app.AddContactAsync(user.Id, "Olga", "Outsider", "Globex");
        await _app.WithDbAsync(user.Id, async db =>
        {
            db.Conversations.Add(new Conversation { ContactId = hana, Stage = ConversationStage.Held, MeetingStartUtc = Met, StageChangedAtUtc = Met });
            var asked = new Conversation { ContactId = raul, Stage = ConversationStage.Requested, StageChangedAtUtc = Met };
            var withCarl = new Conversation { ContactId = carl, Stage = ConversationStage.Idea, StageChangedAtUtc = Met };
            db.Conversations.AddRange(asked, withCarl);
            await db.SaveChangesAsync();
            db.Replies.Add(new Reply { ContactId = raul, ConversationId = asked.Id, Kind = ReplyKind.Accepted, AtUtc = Met.AddDays(1) });
            db.Referrals.Add(new Referral { ConversationId = withCarl.Id, ContactId = dora, CreatedAtUtc = Met });
            foreach (var target in await db.Organizations.Where(o => o.Name == "Acme" || o.Name == "Globex").ToListAsync())
                target.Status = OrganizationStatus.Target;
            var initech = new Organization { Status = OrganizationStatus.Target };
            initech.Rename("Initech");
            db.Organizations.Add(initech);
            return await db.SaveChangesAsync();
        });
        var acme = await _app.WithDbAsync(user.Id, db => db.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync());
        return (user, acme);
    }

    private static List<(string Name, string Reasons)> Paths(HtmlPage page) =>
        page.Document.QuerySelectorAll("ol.warm-paths > li")
            .Select(li => (li.QuerySelector("a")!.TextContent, string.Join(" | ", li.QuerySelectorAll(".reasons li").Select(r => r.TextContent)))).ToList();

    [Fact]
    public async Task The_organization_page_lists_every_kind_of_warm_path_strongest_first_each_with_its_reason()
    {
        var (user, acme) = await AccountWithPathsAsync();
        // Someone else's contact at their own Acme never shows.
        var stranger = await _app.SignUpAsync();
        await _app.AddContactAsync(stranger.Id, "Stranger", "Elsewhere", "Acme");

        var paths = Paths(await user.Client.GetPageAsync($"/organizations/{acme}"));

        Assert.Equal(["Hana Held", "Raul Replied", "Carl Referrer", "Alma Alumna", "Fred Former"], paths.Select(p => p.Name));
        Assert.StartsWith("You held a conversation on ", paths[0].Reasons);
        Assert.StartsWith("Replied to your request on ", paths[1].Reasons);
        Assert.Equal("In your contacts | Works there now | Referred you to Dora Referred", paths[2].Reasons);
        Assert.Equal("In your contacts | Works there now | Studied at your school, UNIVERSIDADE de LISBOA", paths[3].Reasons);
        Assert.Equal("In your contacts | Worked at ACME as Engineer until 2024", paths[4].Reasons);
    }

    [Fact]
    public async Task An_organization_nobody_knows_says_so_and_another_persons_organization_is_404()
    {
        var (user, _) = await AccountWithPathsAsync();
        var initech = await _app.WithDbAsync(user.Id, db => db.Organizations.Where(o => o.Name == "Initech").Select(o => o.Id).SingleAsync());
        var page = await user.Client.GetPageAsync($"/organizations/{initech}");
        Assert.Empty(Paths(page));
        Assert.Contains("No warm path yet", page.Document.QuerySelector(".no-warm-path")!.TextContent);

        var other = await _app.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/organizations/{initech}")).StatusCode);
        // Nor does their search find it by name.
        var search = await other.Client.GetPageAsync("/warm-paths?at=Initech");
        Assert.Contains("No organization in your list matches", search.Document.QuerySelector(".no-match")!.TextContent);
    }

    [Fact]
    public async Task The_search_finds_an_organization_by_its_folded_name_lists_several_and_says_when_none_matches()
    {
        var (user, _) = await AccountWithPathsAsync();

        var exact = await user.Client.GetPageAsync("/warm-paths?at=%20acm%C3%89%20");
        Assert.Equal("At Acme", exact.Document.QuerySelector("#found-heading")!.TextContent);
        Assert.Equal("Hana Held", Paths(exact)[0].Name);

        // "e" is in Acme, Globex, Initech and Elsewhere: a choice, each a link to its own paths.
        var several = await user.Client.GetPageAsync("/warm-paths?at=E");
        Assert.Empty(Paths(several));
        Assert.Equal(["Acme", "Elsewhere Ltd", "Globex", "Initech"], several.Document.QuerySelectorAll("#matches-heading + p + ul a").Select(a => a.TextContent));

        var one = await user.Client.GetPageAsync("/warm-paths?at=glob");
        Assert.Equal("At Globex", one.Document.QuerySelector("#found-heading")!.TextContent);
        Assert.Equal(["Fred Former", "Olga Outsider"], Paths(one).Select(p => p.Name));

        var none = await user.Client.GetPageAsync("/warm-paths?at=Umbrella");
        Assert.Contains("No organization in your list matches “Umbrella”", none.Document.QuerySelector(".no-match")!.TextContent);

        var empty = await user.Client.GetPageAsync("/warm-paths?at=");
        Assert.Null(empty.Document.QuerySelector(".no-match"));
        Assert.Null(empty.Document.QuerySelector("#found-heading"));
        Assert.NotNull(empty.Document.QuerySelector("input[name=at]"));
    }

    [Fact]
    public async Task The_target_list_marks_targets_with_no_warm_path_in_one_look_up()
    {
        var (user, _) = await AccountWithPathsAsync();
        // A target where only a past position leads: still a path.
        await _app.AddContactAsync(user.Id, "Pia", "Past", null, c => c.PastPositions.Add(PastPosition.At("Umbrella", null, Met)));
        await _app.WithDbAsync(user.Id, async db =>
        {
            var umbrella = new Organization { Status = OrganizationStatus.Target };
            umbrella.Rename("umbrella");
            db.Organizations.Add(umbrella);
            return await db.SaveChangesAsync();
        });
        var page = await user.Client.GetPageAsync("/organizations/targets");
        var marked = page.Document.QuerySelectorAll(".target-list li")
            .Where(li => li.QuerySelector(".no-warm-path") is not null).Select(li => li.QuerySelector("a.name")!.TextContent);
        Assert.Equal(["Initech"], marked);
    }

    [Fact]
    public async Task The_school_is_kept_on_the_profile_and_a_too_long_one_is_refused_beside_the_field()
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/account/profile");
        var saved = await user.Client.SubmitAsync(form, "main form", new() { ["Input.School"] = "  Universidade de Lisboa " });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Universidade de Lisboa", await _app.WithDbAsync(user.Id, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.School).SingleAsync()));

        var refused = await user.Client.SubmitAsync(await user.Client.GetPageAsync("/account/profile"), "main form", new() { ["Input.School"] = new string('x', 201) });
        Assert.Equal("Use at most 200 characters.", (await HtmlPage.ReadAsync(refused, "")).ErrorFor("Input.School"));
        Assert.Equal("Universidade de Lisboa", await _app.WithDbAsync(user.Id, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.School).SingleAsync()));
    }

    [Fact]
    public async Task A_move_typed_by_hand_keeps_the_job_left_and_a_correction_or_a_new_contact_keeps_none()
    {
        var user = await _app.SignUpAsync();
        var mara = await _app.AddContactAsync(user.Id, "Mara", "Mover", "Acme", c => c.Title = "Analyst");
        async Task EditAsync(Dictionary<string, string> fields)
        {
            var form = await user.Client.GetPageAsync($"/people/{mara}/edit");
            Assert.NotNull(form.Document.QuerySelector("input[name='Input.KeepPastJob'][type=checkbox][checked]"));
            Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(form, "main form", fields)).StatusCode);
        }
        async Task<List<string>> PastJobsAsync() =>
            await _app.WithDbAsync(user.Id, db => db.PastPositions.OrderBy(p => p.Id).Select(p => p.OrganizationName + "/" + p.Title).ToListAsync());

        // A move, as the form offers it (ticked).
        await EditAsync(new() { ["Input.OrganizationName"] = "Globex", ["Input.Title"] = "Lead" });
        Assert.Equal(["Acme/Analyst"], await PastJobsAsync());
        var page = await user.Client.GetPageAsync($"/people/{mara}");
        Assert.Contains("Moved from Analyst at Acme to Lead at Globex", page.Text);
        var acme = await _app.WithDbAsync(user.Id, db => db.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync());
        Assert.Equal([("Mara Mover", "In your contacts | Worked at Acme as Analyst until 2026")], Paths(await user.Client.GetPageAsync($"/organizations/{acme}")));

        // A correction, unticked; the same organization written otherwise; other fields changed: nothing more is kept.
        await EditAsync(new() { ["Input.OrganizationName"] = "Globex Corporation", ["Input.KeepPastJob"] = "false" });
        await EditAsync(new() { ["Input.OrganizationName"] = "GLOBEX  corporation" });
        await EditAsync(new() { ["Input.City"] = "Porto" });
        Assert.Equal(["Acme/Analyst"], await PastJobsAsync());

        // A new contact has no job to leave, and its form does not offer one.
        var blank = await user.Client.GetPageAsync("/people/new");
        Assert.Null(blank.Document.QuerySelector("input[name='Input.KeepPastJob']"));
    }

    [Fact]
    public async Task The_migration_turns_job_change_sentences_that_read_one_way_into_past_positions()
    {
        await using var app = await RapportApp.StartAsync();
        var user = await app.SignUpAsync();
        string[] sentences =
        [
            "Moved from Analyst at Zoë Labs to Lead at Globex",
            "Moved from Acme to Globex",
            "Moved from Director at Large at Acme to Globex",
            "Moved from Intern at Back to Basics to Globex",
        ];
        var contact = await app.AddContactAsync(user.Id, "Mia", "Mover", "Globex", c =>
        {
            foreach (var sentence in sentences)
                c.Events.Add(new ContactEvent { Kind = ContactEventKind.JobChange, OccurredAtUtc = Met, Text = sentence });
            c.Events.Add(new ContactEvent { Kind = ContactEventKind.Interaction, OccurredAtUtc = Met, Text = "Moved from Coffee at Cafe to Tea" });
        });
        await using (var db = MigrationTests.ContextFor(app.Database))
        {
            // Back to before past positions were kept (the table and its rows go), then up again.
            await db.GetService<IMigrator>().MigrateAsync("20261206130000_AddDateStyle");
            await db.GetService<IMigrator>().MigrateAsync();
        }
        await PastPositionKeys.FillAsync(app.Services);

        var rows = await app.WithDbAsync(user.Id, db => db.PastPositions.Select(p => new { p.ContactId, p.OrganizationName, p.OrganizationKey, p.Title, p.LeftByUtc }).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal((contact, "Zoë Labs", "zoe labs", "Analyst", Met), (row.ContactId, row.OrganizationName, row.OrganizationKey, row.Title, row.LeftByUtc));
        // What the migration read is what the rule reads.
        Assert.Equal([("Analyst", "Zoë Labs")], sentences.Select(JobChangeSentence.JobLeft).OfType<(string, string)>());
        // The timeline keeps every sentence.
        Assert.Equal(5, await app.WithDbAsync(user.Id, db => db.ContactEvents.CountAsync(e => e.ContactId == contact && e.Text.StartsWith("Moved"))));
    }
}
