using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.People;

/// <summary>People as a table: every column sorts both ways, page by page, with the filters and the search; the
/// columns each person chose are kept on their account.</summary>
public class PeopleTableTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static string[] Names(HtmlPage page) => page.Document.QuerySelectorAll(".people-table a.name").Select(a => a.TextContent).ToArray();

    private static string[] Headers(HtmlPage page) =>
        page.Document.QuerySelectorAll(".people-table thead th a.sort").Select(a => a.ChildNodes.First().TextContent.Trim()).ToArray();

    private static string? Pager(HtmlPage page, string label) =>
        page.Document.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent.Contains(label, StringComparison.Ordinal))?.GetAttribute("href");

    /// <summary>Four people who differ in every column: Anna (Zeta, friend, held, task 10 Dec, in touch 1 Jan, low),
    /// Bob (Alpha, family, requested, task 1 Dec, never, high), Cleo (nothing but in touch 1 Jun, normal) and Dan
    /// (Mid, cold; an older held conversation and a newer idea; a task due 20 Nov snoozed to 20 Dec, one done earlier;
    /// in touch 1 Mar, normal).</summary>
    private async Task<SignedInUser> FourPeopleAsync()
    {
        var user = await _app.SignUpAsync();
        var anna = await _app.AddContactAsync(user.Id, "Anna", null, "Zeta", c => { c.Source = ContactSource.Friend; c.LastContactedOn = new DateOnly(2026, 1, 1); c.Priority = Priority.Low; });
        var bob = await _app.AddContactAsync(user.Id, "Bob", null, "Alpha", c => { c.Source = ContactSource.Family; c.Priority = Priority.High; });
        await _app.AddContactAsync(user.Id, "Cleo", null, null, c => c.LastContactedOn = new DateOnly(2026, 6, 1));
        var dan = await _app.AddContactAsync(user.Id, "Dan", null, "Mid", c => { c.Source = ContactSource.Cold; c.LastContactedOn = new DateOnly(2026, 3, 1); });
        await _app.WithDbAsync(user.Id, async db =>
        {
            db.Conversations.Add(new Conversation { ContactId = anna, Stage = ConversationStage.Held });
            db.Conversations.Add(new Conversation { ContactId = bob, Stage = ConversationStage.Requested });
            db.Conversations.Add(new Conversation { ContactId = dan, Stage = ConversationStage.Held });
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, ContactId = anna, Title = "Send Anna the article", DueUtc = new DateTime(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc), AllDay = true });
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, ContactId = bob, Title = "Ask Bob for a date", DueUtc = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), AllDay = true });
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, ContactId = dan, Title = "Call Dan", DueUtc = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc),
                SnoozedUntilUtc = new DateTime(2026, 12, 20, 8, 0, 0, DateTimeKind.Utc), AllDay = true });
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, ContactId = dan, Title = "Done already", DueUtc = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc),
                DoneAtUtc = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc) });
            return await db.SaveChangesAsync();
        });
        // Dan's newer conversation, saved later: the table shows the stage of the latest one.
        await _app.WithDbAsync(user.Id, async db =>
        {
            db.Conversations.Add(new Conversation { ContactId = dan, Stage = ConversationStage.Idea });
            return await db.SaveChangesAsync();
        });
        return user;
    }

    [Theory]
    [InlineData("Name", "Anna,Bob,Cleo,Dan", "Dan,Cleo,Bob,Anna")]
    [InlineData("Organization", "Bob,Dan,Anna,Cleo", "Anna,Dan,Bob,Cleo")]
    [InlineData("Source", "Bob,Anna,Dan,Cleo", "Dan,Anna,Bob,Cleo")]
    [InlineData("Stage", "Dan,Bob,Anna,Cleo", "Anna,Bob,Dan,Cleo")]
    [InlineData("LastContact", "Anna,Dan,Cleo,Bob", "Cleo,Dan,Anna,Bob")]
    [InlineData("NextTask", "Bob,Anna,Dan,Cleo", "Dan,Anna,Bob,Cleo")]
    [InlineData("Priority", "Bob,Cleo,Dan,Anna", "Anna,Dan,Cleo,Bob")]
    public async Task Each_column_sorts_both_ways_with_people_who_have_no_value_last(string sort, string ascending, string descending)
    {
        var user = await FourPeopleAsync();
        var up = await user.Client.GetPageAsync($"/people?sort={sort}&dir=asc");
        Assert.Equal(ascending.Split(','), Names(up));
        Assert.Equal(descending.Split(','), Names(await user.Client.GetPageAsync($"/people?sort={sort}&dir=desc")));
        Assert.Equal("ascending", up.Document.QuerySelector(".people-table th[aria-sort]")!.GetAttribute("aria-sort"));
        // The sorted column's header turns the order round, and says so to a screen reader.
        var header = up.Document.QuerySelectorAll(".people-table th[aria-sort] a.sort").Single().GetAttribute("href")!;
        var turned = await user.Client.GetPageAsync(header);
        Assert.Equal(descending.Split(','), Names(turned));
        Assert.Equal("descending", turned.Document.QuerySelector(".people-table th[aria-sort]")!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task The_table_shows_each_persons_organization_source_latest_stage_last_touch_next_task_and_priority()
    {
        var user = await FourPeopleAsync();
        var page = await user.Client.GetPageAsync("/people");
        Assert.Equal(["Name", "Organization", "How you know them", "Stage", "Last in touch", "Next task", "Priority"], Headers(page));
        string[] Row(string name) => page.Document.QuerySelectorAll(".people-table tbody tr")
            .Single(r => r.QuerySelector("a.name")!.TextContent == name).QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()).ToArray();
        var dan = Row("Dan");
        Assert.Equal("Mid", dan[0]);
        Assert.Equal("Cold contact", dan[1]);
        Assert.Equal("Idea", dan[2]);
        Assert.Contains("Call Dan", dan[4]);
        Assert.DoesNotContain("Done already", dan[4]);
        Assert.Equal("Normal", dan[5]);
        Assert.Equal("", Row("Cleo")[2]);
        Assert.Equal("Never", Row("Bob")[3]);
        Assert.NotNull(page.Document.QuerySelector(".people-table tbody tr .stage.stage-held"));
    }

    [Theory]
    [InlineData("Priority", "asc")]
    [InlineData("Priority", "desc")]
    [InlineData("Organization", "asc")]
    [InlineData("Organization", "desc")]
    [InlineData("NextTask", "asc")]
    public async Task Pages_under_a_sort_go_on_from_where_the_last_ended_and_back(string sort, string dir)
    {
        // 120 people: five high priority, the rest normal; half at an organization; one in three with a task.
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            var zeta = new Organization();
            zeta.Rename("Zeta Labs");
            for (var i = 0; i < 120; i++)
            {
                var contact = new Contact { FirstName = $"Person {i:D3}", Priority = i % 24 == 0 ? Priority.High : Priority.Normal, Organization = i % 2 == 0 ? zeta : null };
                contact.RefreshSearch(contact.Organization?.Name);
                db.Contacts.Add(contact);
            }
            await db.SaveChangesAsync();
            var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            for (var i = 0; i < ids.Count; i += 3)
                db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, Title = "Write", DueUtc = new DateTime(2026, 12, 1 + i % 20, 9, 0, 0, DateTimeKind.Utc), ContactId = ids[i] });
            return await db.SaveChangesAsync();
        });
        var expected = await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => new { c.FirstName, c.Priority, c.OrganizationKey, c.NextTaskDueUtc, c.SearchKey, c.Id }).ToListAsync());
        Func<string, string?> keyOf = sort switch
        {
            "Priority" => n => ((int)expected.Single(e => e.FirstName == n).Priority).ToString("D2"),
            "Organization" => n => expected.Single(e => e.FirstName == n).OrganizationKey,
            _ => n => expected.Single(e => e.FirstName == n).NextTaskDueUtc?.ToString("O"),
        };
        var ordered = expected.Select(e => e.FirstName)
            .OrderBy(n => keyOf(n) is null).ThenBy(n => dir == "asc" ? keyOf(n) : null, StringComparer.Ordinal).ThenByDescending(n => dir == "desc" ? keyOf(n) : null, StringComparer.Ordinal)
            .ThenBy(n => dir == "asc" ? n : null, StringComparer.Ordinal).ThenByDescending(n => dir == "desc" ? n : null, StringComparer.Ordinal).ToList();

        var pages = new List<HtmlPage> { await user.Client.GetPageAsync($"/people?sort={sort}&dir={dir}") };
        while (Pager(pages[^1], "Next") is { } next) pages.Add(await user.Client.GetPageAsync(next));
        Assert.Equal(3, pages.Count);
        Assert.Equal(ordered, pages.SelectMany(Names));
        Assert.Contains("Page 2 of 3", pages[1].Text);
        // Back from the last page: the same people as on the way forward.
        var back = await user.Client.GetPageAsync(Pager(pages[2], "Previous")!);
        Assert.Equal(Names(pages[1]), Names(back));
        Assert.Contains($"sort={sort}", Pager(pages[2], "Previous")!);
    }

    [Fact]
    public async Task Filters_search_and_a_sort_work_together_and_the_live_search_swaps_the_sorted_rows()
    {
        var user = await FourPeopleAsync();
        await _app.AddContactAsync(user.Id, "Ben", "Alphonse", "Alpha", c => { c.Priority = Priority.High; c.Source = ContactSource.Family; });
        var page = await user.Client.GetPageAsync("/people?q=alpha&priority=High&sort=Stage&dir=desc");
        Assert.Equal(["Bob", "Ben Alphonse"], Names(page));
        var rows = await user.Client.GetAsync("/people?q=alpha&priority=High&sort=Stage&dir=desc", new() { ["HX-Request"] = "true" });
        var html = await rows.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"contact-rows\"", html.Trim(), StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(">Bob<", StringComparison.Ordinal) < html.IndexOf(">Ben Alphonse<", StringComparison.Ordinal));
        // Each header keeps the search and the filters.
        var header = page.Document.QuerySelectorAll(".people-table thead a.sort").First(a => a.TextContent.StartsWith("Organization", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains("q=alpha", header);
        Assert.Contains("priority=High", header);
    }

    [Theory]
    [InlineData("sort=Bogus")]
    [InlineData("sort=99")]
    [InlineData("sort=-1&dir=sideways")]
    [InlineData("dir=%00")]
    [InlineData("sort=Organization&p=2&after=garbage")]
    [InlineData("sort=Organization&p=2&after=3.QQ.~~")]
    [InlineData("sort=NextTask&p=2&after=3.YWJj.99999999999999999999999")]
    [InlineData("sort=Stage&p=2&before=3.YWJj.eA")]
    [InlineData("sort=Priority&p=2&after=3.YWJj")]
    public async Task A_sort_or_position_the_table_did_not_write_shows_the_list_from_the_top_never_an_error(string query)
    {
        var user = await FourPeopleAsync();
        var response = await user.Client.GetAsync("/people?" + query);
        if (response.StatusCode == HttpStatusCode.Redirect) response = await user.Client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/people?" + query);
        Assert.Equal(4, Names(page).Length);
    }

    [Fact]
    public async Task Chosen_columns_are_kept_for_the_person_who_chose_them_and_no_one_else()
    {
        var user = await FourPeopleAsync();
        var other = await FourPeopleAsync();
        var page = await user.Client.GetPageAsync("/people?sort=Stage");
        var token = page.Document.QuerySelector(".people-columns input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = page.Document.QuerySelector(".people-columns form")!.GetAttribute("action")!;
        var response = await user.Client.PostAsync(action, [new("__RequestVerificationToken", token), new("columns", "Stage"), new("columns", "NextTask"),
            new("columns", "NoSuchColumn"), new("returnUrl", "/people?sort=Stage")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/people?sort=Stage", response.Headers.Location!.OriginalString);

        var again = await user.Client.GetPageAsync("/people");
        Assert.Equal(["Name", "Stage", "Next task"], Headers(again));
        Assert.All(again.Document.QuerySelectorAll(".people-table tbody tr"), r => Assert.Equal(3, r.QuerySelectorAll("td").Length));
        Assert.Equal(["Stage", "NextTask"], again.Document.QuerySelectorAll(".people-columns input[name=columns]:checked").Select(i => i.GetAttribute("value")));
        // The live search's rows come with the same columns.
        var rows = await user.Client.GetAsync("/people?q=dan", new() { ["HX-Request"] = "true" });
        Assert.DoesNotContain(">Organization<", await rows.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["Name", "Organization", "How you know them", "Stage", "Last in touch", "Next task", "Priority"],
            Headers(await other.Client.GetPageAsync("/people")));

        // Nothing ticked: the name alone; an address elsewhere is not followed.
        response = await user.Client.PostAsync(action, [new("__RequestVerificationToken", token), new("returnUrl", "https://evil.example/")]);
        Assert.Equal("/people", response.Headers.Location!.OriginalString);
        Assert.Equal(["Name"], Headers(await user.Client.GetPageAsync("/people")));
        var stored = await _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == other.Id).Select(u => u.PeopleColumns).SingleAsync());
        Assert.Null(stored);
    }

    [Fact]
    public async Task The_sort_keys_follow_every_write_of_conversations_tasks_and_organizations()
    {
        var user = await FourPeopleAsync();
        async Task<string[]> By(string sort) => Names(await user.Client.GetPageAsync($"/people?sort={sort}&dir=asc"));
        await _app.WithDbAsync(user.Id, async db =>
        {
            // Dan's newest conversation goes to the trash: the held one before it is his latest again.
            var idea = await db.Conversations.SingleAsync(c => c.Stage == ConversationStage.Idea);
            idea.DeletedAtUtc = _app.Clock.GetUtcNow().UtcDateTime;
            // Bob's task is done, Anna's moves: Anna's is now the first due.
            (await db.FollowUpTasks.SingleAsync(t => t.Title == "Ask Bob for a date")).DoneAtUtc = _app.Clock.GetUtcNow().UtcDateTime;
            (await db.FollowUpTasks.SingleAsync(t => t.Title == "Send Anna the article")).DueUtc = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
            // Zeta is renamed to come first.
            (await db.Organizations.SingleAsync(o => o.Name == "Zeta")).Rename("Aardvark");
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["Bob", "Anna", "Dan", "Cleo"], await By("Stage"));
        Assert.Equal(["Anna", "Dan", "Bob", "Cleo"], await By("NextTask"));
        Assert.Equal(["Anna", "Bob", "Dan", "Cleo"], await By("Organization"));
        // A write past the tracker (as merging people does): Bob's conversation moves to Cleo.
        await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Stage == ConversationStage.Requested)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ContactId, db.Contacts.Where(x => x.FirstName == "Cleo").Select(x => x.Id).First())));
        Assert.Equal(["Cleo", "Anna", "Dan", "Bob"], await By("Stage"));
        // An organization deleted: its people have none to sort by.
        await _app.WithDbAsync(user.Id, async db =>
        {
            db.Organizations.Remove(await db.Organizations.SingleAsync(o => o.Name == "Aardvark"));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["Bob", "Dan", "Anna", "Cleo"], await By("Organization"));
    }

    [Fact]
    public async Task An_empty_list_says_what_to_do_first_with_the_one_button()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/people");
        Assert.Null(page.Document.QuerySelector(".people-table"));
        var empty = page.Document.QuerySelector("#contact-rows .empty-state")!;
        Assert.Equal("/people/new", empty.QuerySelector("a[role=button]")!.GetAttribute("href"));
    }
}
