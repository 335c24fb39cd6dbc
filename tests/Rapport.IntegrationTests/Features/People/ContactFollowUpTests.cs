using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.People;

/// <summary>A contact's page carries their follow-ups, the messages sent to them, and a way to log a call
/// that pushes keeping in touch back. Each test runs its own app so it can move the clock.</summary>
public class ContactFollowUpTests : IAsyncLifetime
{
    private RapportApp _app = null!;

    public async Task InitializeAsync() => _app = await RapportApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<FollowUpTask>> OpenKeepInTouchAsync(string owner) => _app.WithDbAsync(owner, db =>
        db.FollowUpTasks.Where(t => t.Kind == TaskKind.KeepInTouch && t.DoneAtUtc == null && t.DismissedAtUtc == null).ToListAsync());

    [Fact]
    public async Task The_contact_page_shows_their_open_follow_ups_and_the_text_of_each_message()
    {
        var (user, amara, _, id) = await ConversationTests.PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}"), "form[action*='handler=Sent']",
            new() { ["Channel"] = "Email", ["Body"] = "Dear Amara, may I ask about your path into UX research?" });

        var page = await user.Client.GetPageAsync($"/people/{amara}");
        var tasks = page.Document.QuerySelectorAll("section[aria-labelledby=tasks-heading] .task strong").Select(t => t.TextContent).ToList();
        Assert.Contains(tasks, t => t.StartsWith("Follow up with Amara Okafor", StringComparison.Ordinal));
        var message = page.Document.QuerySelector(".timeline-message")!;
        Assert.Contains("Request for a conversation sent (email)", message.TextContent);
        Assert.Contains("may I ask about your path into UX research?", message.QuerySelector(".message-text")!.TextContent);
    }

    [Fact]
    public async Task Logging_a_call_puts_it_on_the_timeline_and_moves_keeping_in_touch_from_that_day()
    {
        var (user, amara, _, id) = await ConversationTests.PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        await user.Client.GetPageAsync("/follow-ups");
        var first = Assert.Single(await OpenKeepInTouchAsync(user.Id));
        Assert.Equal(new DateOnly(2027, 2, 25), DateOnly.FromDateTime(first.DueUtc)); // held 27 Nov + 90 days

        _app.Clock.Set(new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero));
        var page = await user.Client.GetPageAsync($"/people/{amara}");
        var done = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Log']",
            new() { ["Log.Kind"] = "PhoneCall", ["Log.On"] = "2026-12-09", ["Log.Note"] = "Caught up about her new team" }));

        Assert.Contains("counts from 9 Dec 2026", done.Status);
        Assert.Contains("Phone call: Caught up about her new team", done.Document.QuerySelector(".timeline")!.TextContent);
        var moved = Assert.Single(await OpenKeepInTouchAsync(user.Id));
        Assert.Equal(new DateOnly(2027, 3, 9), DateOnly.FromDateTime(moved.DueUtc));
        Assert.Equal(new DateOnly(2026, 12, 9), await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == amara).Select(c => c.LastContactedOn).SingleAsync()));
    }

    [Fact]
    public async Task Changes_arriving_at_once_never_fail_and_never_make_a_task_twice()
    {
        var (user, amara, _, id) = await ConversationTests.PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        var page = await user.Client.GetPageAsync($"/people/{amara}");

        // Eight tabs log the same call at once: each runs the rules, and each wants the same new task.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => user.Client.SubmitAsync(page, "form[action*='handler=Log']",
            new() { ["Log.Kind"] = "PhoneCall", ["Log.On"] = "2026-11-27" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await OpenKeepInTouchAsync(user.Id));
    }

    [Fact]
    public async Task A_day_in_the_future_or_an_overlong_note_is_refused_beside_the_field_and_nothing_is_logged()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Grace", "Mensah");
        var page = await user.Client.GetPageAsync($"/people/{id}");
        var response = await user.Client.SubmitAsync(page, "form[action*='handler=Log']",
            new() { ["Log.On"] = "2026-12-25", ["Log.Note"] = new string('x', 501) });
        var refused = await HtmlPage.ReadAsync(response, "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pick today or a day before", refused.ErrorFor("Log.On"));
        Assert.Contains("under 500 characters", refused.ErrorFor("Log.Note"));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.ContactEvents.CountAsync(e => e.Kind == ContactEventKind.Interaction)));
    }

    [Fact]
    public async Task Another_user_cannot_log_on_someone_elses_contact()
    {
        var owner = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(owner.Id, "Grace", "Mensah");
        var other = await _app.SignUpAsync();
        var token = (await other.Client.GetPageAsync("/follow-ups")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await other.Client.PostAsync($"/people/{id}?handler=Log",
            [new("__RequestVerificationToken", token), new("Log.Kind", "PhoneCall"), new("Log.On", "2026-11-27")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(owner.Id, db => db.ContactEvents.CountAsync(e => e.Kind == ContactEventKind.Interaction)));
    }
}
