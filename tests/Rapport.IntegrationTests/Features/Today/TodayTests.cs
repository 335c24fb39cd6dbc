using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Today;

/// <summary>The home page: what is due today and this week, without the whole list.</summary>
public class TodayTests : IAsyncLifetime
{
    private RapportApp _app = null!;

    public async Task InitializeAsync() => _app = await RapportApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Today_lists_a_days_worth_and_says_how_many_more_follow_ups_holds()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            for (var i = 0; i < 15; i++)
                db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, Title = $"Overdue {i:00}", DueUtc = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(i) });
            for (var i = 0; i < 12; i++)
                db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, Title = $"Soon {i:00}", DueUtc = new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc).AddHours(i) });
            await db.SaveChangesAsync();
            return 0;
        });
        var today = await user.Client.GetPageAsync("/");
        var overdue = today.Document.QuerySelectorAll("#today-overdue + ul li.task strong").Select(s => s.TextContent).ToList();
        Assert.Equal(10, overdue.Count);
        Assert.Contains("Overdue 14", overdue);
        Assert.DoesNotContain("Overdue 00", overdue);
        Assert.Contains("5 more overdue", today.Text);
        Assert.Equal(10, today.Document.QuerySelectorAll("#today-week + ul li.task").Length);
        Assert.Contains("More this week", today.Text);
        var all = await user.Client.GetPageAsync("/follow-ups");
        Assert.Equal(27, all.Document.QuerySelectorAll("li.task").Length);
    }
}
