using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Conversations;

/// <summary>The next steps written in a reflection become follow-up tasks of the conversation, shown on the
/// conversation and on the field, done and dismissed like any task, and never doubled by saving again.</summary>
public class NextStepTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static async Task<HtmlPage> ReflectAsync(SignedInUser user, int id, string nextSteps) =>
        await user.Client.FollowAsync(await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/reflect"), "main form",
            new() { ["Input.NextSteps"] = nextSteps }));

    [Fact]
    public async Task Each_next_step_becomes_a_task_once_shown_on_the_conversation_and_the_field()
    {
        var (user, contactId, fieldId, id) = await ConversationTests.PlannedAsync(_app);

        var conversation = await ReflectAsync(user, id, "- Send the thank-you\n- Read the report she mentioned\n");
        Assert.Contains("2 next steps are now in your follow-ups", conversation.Status);
        Assert.Equal(["Send the thank-you", "Read the report she mentioned"],
            conversation.Document.QuerySelectorAll("#next-steps li.task strong").Select(s => s.TextContent.Trim()));
        var field = await user.Client.GetPageAsync($"/fields/{fieldId}");
        Assert.Equal(2, field.Document.QuerySelectorAll("#next-steps li.task").Length);
        var tasks = await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Where(t => t.Kind == TaskKind.NextStep).ToListAsync());
        Assert.All(tasks, t => Assert.True(t.ConversationId == id && t.ContactId == contactId && t.IsOpen));

        // Saving again with one more line adds that one only.
        conversation = await ReflectAsync(user, id, "1. send the thank-you\n2. Read the report she mentioned\n3. Call Ana at the clinic");
        Assert.Contains("1 next step is now in your follow-ups", conversation.Status);
        Assert.Equal(3, await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.CountAsync(t => t.Kind == TaskKind.NextStep)));

        // Done and dismissed from the conversation page, as in Follow-ups; the page comes back.
        var thankYou = tasks.Single(t => t.Title == "Send the thank-you").Id;
        var report = tasks.Single(t => t.Title == "Read the report she mentioned").Id;
        var done = await user.Client.SubmitAsync(conversation, $"#task-{thankYou} form.task-form", []);
        Assert.Equal($"/conversations/{id}", done.Headers.Location!.OriginalString);
        await user.Client.SubmitAsync(conversation, $"#task-{report} form.task-form", [], submitter: "button[formaction*='handler=Dismiss']");
        conversation = await user.Client.GetPageAsync($"/conversations/{id}");
        Assert.Equal(["Call Ana at the clinic"], conversation.Document.QuerySelectorAll("#next-steps li.task strong").Select(s => s.TextContent.Trim()));
        Assert.Equal(["Send the thank-you"], conversation.Document.QuerySelectorAll("#next-steps .done-steps li").Select(s => s.TextContent.Trim()));

        // Saving the same steps again brings neither back.
        conversation = await ReflectAsync(user, id, "Send the thank-you\nRead the report she mentioned\nCall Ana at the clinic");
        Assert.Equal("Your reflection is saved.", conversation.Status);
        Assert.Equal(3, await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.CountAsync(t => t.Kind == TaskKind.NextStep)));
    }

    [Fact]
    public async Task Another_persons_next_steps_stay_off_my_field_page()
    {
        var (mine, _, fieldId, _) = await ConversationTests.PlannedAsync(_app);
        var (theirs, _, _, theirConversation) = await ConversationTests.PlannedAsync(_app);
        await ReflectAsync(theirs, theirConversation, "Their own step");
        Assert.Null((await mine.Client.GetPageAsync($"/fields/{fieldId}")).Document.QuerySelector("#next-steps"));
    }
}
