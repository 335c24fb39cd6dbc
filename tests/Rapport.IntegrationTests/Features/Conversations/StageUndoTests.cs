using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Conversations;

/// <summary>A stage move is never a trap: ending before the planned start asks first, the last move can be undone
/// (stage, meeting time and the tasks it made), and a held conversation given a new time is scheduled again.</summary>
public class StageUndoTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    // The test clock stands at 27 Nov 2026, 15:00 UTC; the person is in Europe/Berlin.
    private static readonly DateTime PlannedUtc = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private async Task<(SignedInUser User, int Id)> ScheduledInThreeDaysAsync()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/schedule"), "main form", new()
        {
            ["Input.Date"] = "2026-11-30", ["Input.Time"] = "10:00", ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.MarkScheduled"] = "true",
        });
        return (user, id);
    }

    private static async Task<HtmlPage> EndAsync(SignedInUser user, int id) => await HtmlPage.ReadAsync(
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []), $"/conversations/{id}/hold");

    private Task<Conversation> LoadAsync(string ownerId, int id) =>
        _app.WithDbAsync(ownerId, db => db.Conversations.Include(c => c.StageChanges).SingleAsync(c => c.Id == id));

    private Task<List<FollowUpTask>> TasksAsync(string ownerId) => _app.WithDbAsync(ownerId, db => db.FollowUpTasks.ToListAsync());

    [Fact]
    public async Task Ending_before_the_planned_start_asks_first_saying_when_it_was_planned()
    {
        var (user, id) = await ScheduledInThreeDaysAsync();
        var asked = await EndAsync(user, id);
        Assert.Equal(HttpStatusCode.OK, asked.Response.StatusCode);
        var question = asked.Document.QuerySelector(".confirm-end")!.TextContent;
        Assert.Contains("30 Nov 2026, 10:00", question);
        Assert.Contains("in 3 days", question);
        Assert.Equal(ConversationStage.Scheduled, (await LoadAsync(user.Id, id)).Stage);
        Assert.DoesNotContain(await TasksAsync(user.Id), t => t.Kind == TaskKind.ThankYou);

        var reflect = await user.Client.FollowAsync(await user.Client.SubmitAsync(asked, ".confirm-end form[action*='handler=End']", []));
        Assert.Contains("/reflect", reflect.Url);
        Assert.Equal(ConversationStage.Held, (await LoadAsync(user.Id, id)).Stage);
    }

    [Fact]
    public async Task Undoing_an_early_end_reopens_it_at_its_time_without_the_tasks_ending_made_unless_done()
    {
        var (user, id) = await ScheduledInThreeDaysAsync();
        var asked = await EndAsync(user, id);
        await user.Client.SubmitAsync(asked, ".confirm-end form[action*='handler=End']", []);
        var made = await TasksAsync(user.Id);
        var thankYou = Assert.Single(made, t => t.Kind == TaskKind.ThankYou);
        var keepInTouch = Assert.Single(made, t => t.Kind == TaskKind.KeepInTouch);
        // One of them done already: it stays.
        await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Where(t => t.Id == keepInTouch.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DoneAtUtc, _app.Clock.GetUtcNow().UtcDateTime)));

        var details = await user.Client.GetPageAsync($"/conversations/{id}");
        Assert.Contains("Undo: back to scheduled", details.Document.QuerySelector("form[action*='handler=Undo'] button")!.TextContent);
        var undone = await user.Client.FollowAsync(await user.Client.SubmitAsync(details, "form[action*='handler=Undo']", []));
        Assert.Equal("Undone: back to scheduled, meeting at 30 Nov 2026, 10:00.", undone.Status);

        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal(ConversationStage.Scheduled, conversation.Stage);
        Assert.Equal(PlannedUtc, conversation.MeetingStartUtc);
        Assert.Null(conversation.EndedAtUtc);
        // History kept: the move and its undo are both there.
        Assert.Equal([ConversationStage.Idea, ConversationStage.Scheduled, ConversationStage.Held, ConversationStage.Scheduled],
            conversation.StageChanges.OrderBy(s => s.Id).Select(s => s.To));
        Assert.True(conversation.StageChanges.OrderBy(s => s.Id).Last().IsUndo);
        Assert.Contains("Undone: back to scheduled", undone.Document.QuerySelector("#stage-heading ~ .timeline")!.TextContent);
        // The thank-you is gone, and the rule pass after the undo did not make it again; the done task stays.
        var left = await TasksAsync(user.Id);
        Assert.DoesNotContain(left, t => t.Id == thankYou.Id || (t.Kind == TaskKind.ThankYou && t.ConversationId == id));
        Assert.Contains(left, t => t.Id == keepInTouch.Id);
        // Only the last move can be undone, and an undo cannot.
        Assert.Null(undone.Document.QuerySelector("form[action*='handler=Undo']"));
    }

    [Fact]
    public async Task Undo_takes_back_only_the_last_move_and_a_new_move_replaces_it()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var details = await user.Client.GetPageAsync($"/conversations/{id}");
        details = await user.Client.FollowAsync(await user.Client.SubmitAsync(details, "form[action*='handler=Stage'][action*='to=Requested']", []));
        details = await user.Client.FollowAsync(await user.Client.SubmitAsync(details, "form[action*='handler=Reply'][action*='kind=Declined']", []));
        Assert.Contains("back to requested", details.Document.QuerySelector("form[action*='handler=Undo']")!.TextContent);
        details = await user.Client.FollowAsync(await user.Client.SubmitAsync(details, "form[action*='handler=Undo']", []));
        Assert.Equal(ConversationStage.Requested, (await LoadAsync(user.Id, id)).Stage);
        Assert.Null(details.Document.QuerySelector("form[action*='handler=Undo']"));
    }

    [Fact]
    public async Task Rescheduling_a_held_conversation_with_mark_as_scheduled_ticked_schedules_it_again()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        // Held with no time agreed: it takes the time it was ended at, and asks nothing.
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        Assert.Equal(ConversationStage.Held, (await LoadAsync(user.Id, id)).Stage);
        Assert.Contains(await TasksAsync(user.Id), t => t.Kind == TaskKind.ThankYou && t.ConversationId == id);

        var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/schedule"), "main form", new()
        {
            ["Input.Date"] = "2026-11-30", ["Input.Time"] = "10:00", ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.MarkScheduled"] = "true",
        }));
        Assert.Equal("The meeting is saved and the conversation is scheduled.", saved.Status);
        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal(ConversationStage.Scheduled, conversation.Stage);
        Assert.Equal(PlannedUtc, conversation.MeetingStartUtc);
        Assert.Null(conversation.EndedAtUtc);
        Assert.DoesNotContain(await TasksAsync(user.Id), t => t.Kind == TaskKind.ThankYou && t.ConversationId == id);
    }

    [Fact]
    public async Task The_main_button_follows_the_stage_on_the_conversation_and_on_prepare()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        async Task<(string Details, string Prepare)> MainAsync()
        {
            var details = await user.Client.GetPageAsync($"/conversations/{id}");
            var prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
            return (details.Document.QuerySelector("[data-next-step]")!.TextContent.Trim(), prepare.Document.QuerySelector("[data-next-step]")!.TextContent.Trim());
        }
        Task SetAsync(ConversationStage stage, DateTime? meeting) => _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, stage).SetProperty(c => c.MeetingStartUtc, meeting)));

        Assert.Equal(("Write the request", "Write the request"), await MainAsync());
        await SetAsync(ConversationStage.Requested, null);
        Assert.Equal(("Log the reply", "Log the reply"), await MainAsync());
        await SetAsync(ConversationStage.Scheduled, PlannedUtc);
        Assert.Equal(("Starts in 3 days", "Starts in 3 days"), await MainAsync());
        await SetAsync(ConversationStage.Scheduled, new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc));
        Assert.Equal(("Start", "Start"), await MainAsync());
        await SetAsync(ConversationStage.Held, new DateTime(2026, 11, 27, 14, 0, 0, DateTimeKind.Utc));
        Assert.Equal(("Write the thank-you", "Write the thank-you"), await MainAsync());
        await SetAsync(ConversationStage.Thanked, new DateTime(2026, 11, 27, 14, 0, 0, DateTimeKind.Utc));
        Assert.Equal(("Close", "Close"), await MainAsync());
        var closed = await user.Client.FollowAsync(await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/prepare"), "form:has([data-next-step])", []));
        Assert.Equal(ConversationStage.Closed, (await LoadAsync(user.Id, id)).Stage);
        Assert.Equal("Now closed.", closed.Status);
    }

    [Fact]
    public async Task A_request_has_one_set_of_answer_buttons_in_the_persons_words()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, ConversationStage.Requested)));
        var details = await user.Client.GetPageAsync($"/conversations/{id}");
        var buttons = details.Document.QuerySelectorAll("main form[action*='handler=Reply'] button, main form[action*='handler=Stage'] button")
            .Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["They said yes", "They declined", "No reply", "Call it off"], buttons);
    }
}
