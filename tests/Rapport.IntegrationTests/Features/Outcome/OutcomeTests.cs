using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Outcome;

/// <summary>Telling how the search turned out closes the loop with everyone talked with.</summary>
public class OutcomeTests : IAsyncLifetime
{
    private RapportApp _app = null!;

    public async Task InitializeAsync() => _app = await RapportApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<FollowUpTask>> TasksAsync(string owner) => _app.WithDbAsync(owner, db => db.FollowUpTasks.OrderBy(t => t.Id).ToListAsync());

    [Fact]
    public async Task Recording_the_outcome_makes_one_close_the_loop_task_per_person_talked_with()
    {
        var (user, amara, _, id) = await ConversationTests.PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        var outcome = await user.Client.GetPageAsync("/outcome");
        var after = await user.Client.FollowAsync(await user.Client.SubmitAsync(outcome, "main form", new() { ["Kind"] = "TookRole", ["Text"] = "I joined Riverside Health as a UX researcher" }));
        var close = Assert.Single(await TasksAsync(user.Id), t => t.Kind == TaskKind.CloseTheLoop);
        Assert.Equal(amara, close.ContactId);
        Assert.NotNull(after.Document.QuerySelector("#to-write"));
        var compose = await user.Client.GetPageAsync($"/outreach/compose?contactId={amara}&template=built-in:close-the-loop");
        Assert.Contains("I joined Riverside Health as a UX researcher", compose.Document.QuerySelector("#Body")!.TextContent);
    }
}
