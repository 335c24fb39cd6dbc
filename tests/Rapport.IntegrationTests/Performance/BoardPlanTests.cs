using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Rapport.IntegrationTests.Performance;

/// <summary>Two accounts of 1,000 and 10,000 contacts whose every stage already holds more than the board reads of it
/// (<see cref="CappedCount.Read"/>): the board's work is bounded by its columns, so it is compared where both boards are
/// full; below that the smaller account simply has less to show.</summary>
public sealed class BoardPlanFixture() : TwoAccounts(QueryPlanFixture.Small, QueryPlanFixture.Large, smallSeed: 3, largeSeed: 4)
{
    public const int AddedPerStage = CappedCount.Read + 10;

    protected override async Task AfterSeedingAsync(SignedInUser user)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        await App.WithDbAsync(user.Id, async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var contacts = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).Take(500).ToListAsync();
            var stages = Enum.GetValues<ConversationStage>();
            for (var s = 0; s < stages.Length; s++)
                for (var i = 0; i < AddedPerStage; i++)
                    db.Conversations.Add(new Conversation
                    {
                        ContactId = contacts[(i * 7 + s) % contacts.Count], Stage = stages[s], StageChangedAtUtc = now.AddDays(-1 - i - s),
                        MeetingStartUtc = stages[s] is ConversationStage.Scheduled or ConversationStage.Held or ConversationStage.Thanked ? now.AddDays(-i) : null,
                    });
            await db.SaveChangesAsync();
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
            return 0;
        });
        // The first view compiles the board's queries: what is measured is every view after.
        await user.Client.GetPageAsync("/conversations");
    }
}

/// <summary>The board reads each stage's latest fifty and counts it only to the cap, so an account ten times larger
/// costs it the same commands and no more work (decision record 018).</summary>
public sealed class BoardPlanTests(BoardPlanFixture fixture, ITestOutputHelper output) : IClassFixture<BoardPlanFixture>
{
    private async Task<(QueryWork Small, QueryWork Large)> BothAsync(string address)
    {
        async Task View(SignedInUser user) => Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(address)).StatusCode);
        var small = await fixture.Recorder.MeasureAsync(() => View(fixture.SmallAccount.User));
        var large = await fixture.Recorder.MeasureAsync(() => View(fixture.LargeAccount.User));
        output.WriteLine($"{QueryPlanFixture.Small:N0} contacts: {small}");
        output.WriteLine($"{QueryPlanFixture.Large:N0} contacts: {large}");
        return (small, large);
    }

    // On PostgreSQL the rows read grew (10,845 to 40,010) while the buffers stayed flat: the cards joined the organizations,
    // and the planner hashed all of them to find fifty. Each card now looks its organization up by key.
    [Fact]
    public async Task QueryPlan_the_board_costs_the_same_at_ten_times_the_contacts()
    {
        var (small, large) = await BothAsync("/conversations");
        QueryPlanTests.AssertFlat(small, large);
        // Its columns are full at both sizes: fifty cards each, and "more" past the cap.
        var page = await fixture.LargeAccount.User.Client.GetPageAsync("/conversations");
        Assert.All(page.Document.QuerySelectorAll("ol.board-cards"), list => Assert.Equal(50, list.QuerySelectorAll("article.card").Length));
    }
}
