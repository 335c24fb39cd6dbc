using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.FollowUps;

/// <summary>The rules make tasks by themselves, never twice, and move them with the facts. Each test
/// runs its own app so it can move the clock.</summary>
public class FollowUpTests : IAsyncLifetime
{
    private RapportApp _app = null!;

    public async Task InitializeAsync() => _app = await RapportApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<FollowUpTask>> TasksAsync(string owner) => _app.WithDbAsync(owner, db => db.FollowUpTasks.OrderBy(t => t.Id).ToListAsync());

    private async Task ScheduleAsync(SignedInUser user, int id, string date, string time) =>
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/schedule"), "main form", new()
        {
            ["Input.Date"] = date, ["Input.Time"] = time, ["Input.TimeZoneId"] = "Europe/Berlin",
        });

    [Fact]
    public async Task A_held_meeting_makes_one_thank_you_task_due_by_the_deadline_and_moving_the_meeting_moves_it()
    {
        var (user, amara, _, id) = await ConversationTests.PlannedAsync(_app);
        // The test clock says 27 Nov 2026 15:00 UTC; the meeting was that morning in Berlin.
        await ScheduleAsync(user, id, "2026-11-27", "10:00");
        var details = await user.Client.GetPageAsync($"/conversations/{id}");
        await user.Client.SubmitAsync(details, "form[action*='handler=Stage'][action*='to=Held']", []);
        Assert.Equal(new DateOnly(2026, 11, 27), await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == amara).Select(c => c.LastContactedOn).SingleAsync()));
        var thankYou = Assert.Single(await TasksAsync(user.Id), t => t.Kind == TaskKind.ThankYou);
        Assert.Equal(new DateTime(2026, 11, 29, 9, 30, 0, DateTimeKind.Utc), thankYou.DueUtc); // ends 09:30 UTC + 48 h

        // Loading pages re-runs the rules: still one task.
        await user.Client.GetPageAsync("/follow-ups");
        await user.Client.GetPageAsync("/");
        Assert.Single(await TasksAsync(user.Id), t => t.Kind == TaskKind.ThankYou);

        // The meeting was really an hour earlier: the open task moves, no second one appears.
        await ScheduleAsync(user, id, "2026-11-27", "09:00");
        var moved = Assert.Single(await TasksAsync(user.Id), t => t.Kind == TaskKind.ThankYou);
        Assert.Equal(thankYou.Id, moved.Id);
        Assert.Equal(new DateTime(2026, 11, 29, 8, 30, 0, DateTimeKind.Utc), moved.DueUtc);
    }

    [Fact]
    public async Task Thank_you_deadline_follows_the_setting()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var rules = await user.Client.GetPageAsync("/account/rules");
        await user.Client.SubmitAsync(rules, "main form[method=post]:not([action*='Cadence'])", new() { ["Input.ThankYouHours"] = "24" });
        var refused = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(rules, "main form[method=post]:not([action*='Cadence'])", new() { ["Input.ThankYouHours"] = "200" }), "");
        Assert.Equal("A thank-you note is due 24 hours to 7 days after a meeting.", refused.ErrorFor("Input.ThankYouHours"));
        await ScheduleAsync(user, id, "2026-11-27", "10:00");
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}"), "form[action*='handler=Stage'][action*='to=Held']", []);
        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 0, DateTimeKind.Utc), (await TasksAsync(user.Id)).Single(t => t.Kind == TaskKind.ThankYou).DueUtc);
    }

    [Fact]
    public async Task Sending_the_thank_you_does_the_task_and_moves_the_conversation_to_thanked()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await ScheduleAsync(user, id, "2026-11-27", "10:00");
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}"), "form[action*='handler=Stage'][action*='to=Held']", []);
        var compose = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        Assert.Equal("built-in:thank-you-email", compose.Document.QuerySelector("input[name=Template]")!.GetAttribute("value"));
        var done = await user.Client.FollowAsync(await user.Client.SubmitAsync(compose, "form[action*='handler=Sent']", new() { ["SendAsItIs"] = "true" }));
        Assert.Contains("now thanked", done.Status);
        var task = (await TasksAsync(user.Id)).Single(t => t.Kind == TaskKind.ThankYou);
        Assert.NotNull(task.DoneAtUtc);
    }

    [Fact]
    public async Task Promises_and_referrals_make_tasks_and_a_held_referral_asks_to_tell_the_referrer()
    {
        var (user, amara, _, id) = await ConversationTests.PlannedAsync(_app);
        var hold = await user.Client.GetPageAsync($"/conversations/{id}/hold");
        hold = await user.Client.FollowAsync(await user.Client.SubmitAsync(hold, "form[action*='handler=Promise']", new() { ["text"] = "Send my portfolio" }));
        hold = await user.Client.FollowAsync(await user.Client.SubmitAsync(hold, "form[action*='handler=Referral']", new() { ["firstName"] = "Grace", ["lastName"] = "Mensah" }));
        await user.Client.SubmitAsync(hold, "form[action*='handler=End']", []);
        var kinds = (await TasksAsync(user.Id)).Select(t => t.Kind).ToList();
        Assert.Contains(TaskKind.Promise, kinds);
        Assert.Contains(TaskKind.ContactReferral, kinds);
        Assert.Contains(TaskKind.ThankYou, kinds);

        // Talking with Grace turns the referral task into "tell Amara".
        var grace = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Grace").Select(c => c.Id).SingleAsync());
        var form = await user.Client.GetPageAsync($"/conversations/new?contactId={grace}");
        var second = int.Parse((await user.Client.SubmitAsync(form, "main form", new() { ["Goals"] = "DecideFit" })).Headers.Location!.OriginalString.Split('/')[2]);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{second}/hold"), "form[action*='handler=End']", []);
        var tasks = await TasksAsync(user.Id);
        Assert.NotNull(tasks.Single(t => t.Kind == TaskKind.ContactReferral).DismissedAtUtc);
        var tell = tasks.Single(t => t.Kind == TaskKind.TellReferrer);
        Assert.Equal(amara, tell.ContactId);
        Assert.Contains("Grace", tell.Title);
    }

    [Theory]
    [InlineData(60, "60", "the 10 older ones")]
    [InlineData(130, "99+", "the older ones")]
    public async Task Many_overdue_tasks_show_the_latest_fifty_and_say_how_many_more_up_to_ninety_nine(int overdue, string figure, string rest)
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            for (var i = 0; i < overdue; i++)
                db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, Title = $"Old task {i}", DueUtc = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(i) });
            return await db.SaveChangesAsync();
        });
        var page = await user.Client.GetPageAsync("/follow-ups");
        var section = page.Document.QuerySelector("section[aria-labelledby=tasks-overdue]")!;
        Assert.Equal(figure, section.QuerySelector("h2 small")!.TextContent.Trim());
        Assert.Equal(50, section.QuerySelectorAll("li.task").Length);
        // The latest fifty, oldest first.
        Assert.Equal($"Old task {overdue - 50}", section.QuerySelector("li.task strong")!.TextContent);
        Assert.Equal($"Old task {overdue - 1}", section.QuerySelectorAll("li.task strong").Last().TextContent);
        Assert.Contains($"mark them done or dismiss them to see {rest}.", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_are_grouped_by_when_they_show_a_snooze_moving_them_between_groups()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).TimeZoneId = "Europe/Berlin";
            DateTime At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);
            void Add(string title, DateTime due, DateTime? snoozed = null, bool done = false) => db.FollowUpTasks.Add(new FollowUpTask
            {
                Kind = TaskKind.Own, Title = title, DueUtc = due, SnoozedUntilUtc = snoozed, DoneAtUtc = done ? At(11, 21) : null,
            });
            // The clock stands at Friday 27 November 2026, 16:00 in Berlin; the week runs to Friday 4 December.
            Add("Overdue", At(11, 20));
            Add("Snoozed into the week", At(11, 20), snoozed: At(11, 30, 9));
            Add("Due today", At(11, 27, 18));
            Add("Due this week", At(12, 2));
            Add("Due later", At(12, 20));
            Add("Snoozed until later", At(11, 25), snoozed: At(12, 15));
            Add("Due this week, snoozed past it", At(12, 1), snoozed: At(12, 10));
            Add("Done long ago", At(11, 20), done: true);
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await user.Client.GetPageAsync("/follow-ups");
        string[] Group(string id) => page.Document.QuerySelectorAll($"section[aria-labelledby=tasks-{id}] li.task strong").Select(s => s.TextContent).ToArray();
        Assert.Equal(["Overdue"], Group("overdue"));
        Assert.Equal(["Due today"], Group("today"));
        Assert.Equal(["Snoozed into the week", "Due this week"], Group("week"));
        Assert.Equal(["Due this week, snoozed past it", "Snoozed until later", "Due later"], Group("later"));
        Assert.DoesNotContain("Done long ago", page.Text);
    }

    [Fact]
    public async Task Tasks_can_be_done_snoozed_edited_and_dismissed_and_never_come_back()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await ScheduleAsync(user, id, "2026-11-27", "10:00");
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}"), "form[action*='handler=Stage'][action*='to=Held']", []);
        var task = (await TasksAsync(user.Id)).Single(t => t.Kind == TaskKind.ThankYou);
        var page = await user.Client.GetPageAsync("/follow-ups");
        await user.Client.SubmitAsync(page, $"#task-{task.Id} form.task-form", [], submitter: "button[formaction*='handler=Snooze'][formaction*='days=3']");
        Assert.Equal(new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc), (await TasksAsync(user.Id)).Single(t => t.Id == task.Id).SnoozedUntilUtc);
        page = await user.Client.GetPageAsync("/follow-ups");
        await user.Client.SubmitAsync(page, $"#task-{task.Id} form[action*='handler=Edit']", new() { ["title"] = "Handwritten card to Amara", ["notes"] = "Buy a nice card" });
        Assert.Equal("Handwritten card to Amara", (await TasksAsync(user.Id)).Single(t => t.Id == task.Id).Title);
        page = await user.Client.GetPageAsync("/follow-ups");
        await user.Client.SubmitAsync(page, $"#task-{task.Id} form.task-form", [], submitter: "button[formaction*='handler=Dismiss']");
        await user.Client.GetPageAsync("/follow-ups");
        var all = await TasksAsync(user.Id);
        Assert.Single(all, t => t.Kind == TaskKind.ThankYou);
        Assert.NotNull(all.Single(t => t.Kind == TaskKind.ThankYou).DismissedAtUtc);

        page = await user.Client.GetPageAsync("/follow-ups");
        await user.Client.SubmitAsync(page, "form[action*='handler=Add']", new() { ["NewTitle"] = "Read the report Amara mentioned", ["NewDue"] = "2026-11-28" });
        Assert.Contains("Read the report Amara mentioned", (await user.Client.GetPageAsync("/follow-ups")).Text);
    }

    [Fact]
    public async Task The_nudge_names_the_others_rapport_knows_at_the_same_organization()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await _app.AddContactAsync(user.Id, "Grace", "Mensah", "Riverside Health");
        await _app.AddContactAsync(user.Id, "Omar", "Haddad", "riverside  health", c => c.DoNotContact = true);
        await _app.AddContactAsync(user.Id, "Lee", "Park", "Harbor Labs");
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}"), "form[action*='handler=Sent']", new() { ["Channel"] = "Email", ["SendAsItIs"] = "true" });

        // Sent Friday afternoon: the nudge is due on Thursday 3 Dec.
        _app.Clock.Set(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var page = await user.Client.GetPageAsync("/follow-ups");
        var nudge = page.Document.QuerySelector("#tasks-today + ul .task-nudgesecondperson")!;
        var others = nudge.QuerySelector(".second-people")!.TextContent;
        Assert.Contains("Also at Riverside Health", others);
        Assert.Contains("Grace Mensah", others);
        Assert.DoesNotContain("Omar", others);
        Assert.DoesNotContain("Lee", others);
        Assert.DoesNotContain("Amara", others);
    }

    [Fact]
    public async Task Who_answers_is_shown_per_contact_and_summed_up_by_how_the_person_knows_them()
    {
        var (user, amara, _, id) = await ConversationTests.PlannedAsync(_app);
        await _app.WithDbAsync(user.Id, async db =>
        {
            (await db.Contacts.SingleAsync(c => c.Id == amara)).Source = ContactSource.Alumni;
            return await db.SaveChangesAsync();
        });
        var jon = await _app.AddContactAsync(user.Id, "Jon", "Reyes", "Harbor Labs", c => c.Source = ContactSource.Cold);

        // Friday 27 Nov, 16:00 in Berlin: after noon, so the count starts on Monday 30 Nov.
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}"), "form[action*='handler=Sent']", new() { ["Channel"] = "Email", ["SendAsItIs"] = "true" });
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/outreach/compose?contactId={jon}"), "form[action*='handler=Sent']", new() { ["Channel"] = "LinkedIn", ["Body"] = "Hello Jon, may I ask you about your work?", ["SendAsItIs"] = "true" });

        // Amara says yes on Thursday 3 Dec, the third business day; Jon never answers.
        _app.Clock.Set(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}"), "form[action*='handler=Reply'][action*='kind=Accepted']", []);

        var waiting = await user.Client.GetPageAsync("/follow-ups/answers");
        Assert.Equal(["Alumni", "1", "0", "0", "0", "100%"], RowOf(waiting, "Alumni"));
        Assert.Equal(["Cold contact", "0", "0", "0", "1", "–"], RowOf(waiting, "Cold contact"));

        // Past Jon's follow-up day (Wednesday 9 Dec) with no answer: never.
        _app.Clock.Set(new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero));
        var later = await user.Client.GetPageAsync("/follow-ups/answers");
        Assert.Equal(["Cold contact", "0", "0", "1", "0", "0%"], RowOf(later, "Cold contact"));
        Assert.Contains("Answered within 3 business days", (await user.Client.GetPageAsync($"/people/{amara}")).Document.QuerySelector("main")!.TextContent);
        Assert.Contains("Never answered", (await user.Client.GetPageAsync($"/people/{jon}")).Document.QuerySelector("main")!.TextContent);
    }

    private static string[] RowOf(HtmlPage page, string group) =>
        page.Document.QuerySelectorAll("section[aria-labelledby=answers-heading] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == group)
            .Children.Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Another_users_tasks_and_templates_are_out_of_reach()
    {
        var (owner, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await owner.Client.SubmitAsync(await owner.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        var task = (await TasksAsync(owner.Id)).First();
        await owner.Client.SubmitAsync(await owner.Client.GetPageAsync("/templates?edit=new"), "form[action*='handler=Save']", new() { ["Input.Name"] = "Mine", ["Input.Body"] = "Hello" });
        var template = await _app.WithDbAsync(owner.Id, db => db.OwnTemplates.Select(t => t.Id).SingleAsync());
        var other = await _app.SignUpAsync();
        var token = (await other.Client.GetPageAsync("/follow-ups")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in new[] { $"/follow-ups?handler=Done&id={task.Id}", $"/follow-ups?handler=Dismiss&id={task.Id}", $"/follow-ups?handler=Snooze&id={task.Id}&days=1",
                     $"/follow-ups?handler=Edit&id={task.Id}", $"/templates?handler=Delete&id={template}", $"/conversations/{id}?handler=Reply&kind=Declined",
                     $"/outreach/compose?handler=Sent&conversationId={id}" })
        {
            var response = await other.Client.PostAsync(url, [new("__RequestVerificationToken", token), new("title", "x"), new("Body", "x")]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/outreach/compose?conversationId={id}")).StatusCode);
        var after = (await TasksAsync(owner.Id)).Single(t => t.Id == task.Id);
        Assert.True(after.IsOpen);
        Assert.Equal(1, await _app.WithDbAsync(owner.Id, db => db.OwnTemplates.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(owner.Id, db => db.Replies.CountAsync()));
    }
}
