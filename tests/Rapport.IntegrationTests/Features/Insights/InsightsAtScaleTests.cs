using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Insights;

/// <summary>The insights of a 30,000-contact account, written by a pattern whose figures can be counted by hand: person k
/// (0 to 29,999) was added in September, October or November by k mod 3; is "referred" when k mod 10 is 0, imported when k
/// is odd, else added by hand; and those with k mod 10 = 1 (3,000) were asked for a conversation on Tuesday 17 November,
/// answered on the Thursday when k mod 20 = 1 (1,500), scheduled when k mod 60 = 1 (500), held when k mod 120 = 1 (250)
/// and thanked when k mod 600 = 1 (50). The clock stands at Friday 27 November 2026.</summary>
public class InsightsAtScaleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const int People = 30_000;
    private readonly RapportApp _app = fixture.App;

    private static DateTime Utc(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    private static List<string[]> Table(HtmlPage page, string chart) =>
        page.Document.QuerySelectorAll($"details[data-chart='{chart}'] tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static ConversationStage StageOf(int k) => k % 600 == 1 ? ConversationStage.Thanked : k % 120 == 1 ? ConversationStage.Held
        : k % 60 == 1 ? ConversationStage.Scheduled : ConversationStage.Requested;

    [Fact]
    public async Task A_30000_contact_account_shows_the_figures_counted_from_its_pattern()
    {
        var user = await _app.SignUpAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        await _app.WithDbAsync(user.Id, async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var people = Enumerable.Range(0, People).Select(k =>
            {
                var c = new Contact { FirstName = $"Person {k:D5}", Source = k % 10 == 0 ? ContactSource.Referral : ContactSource.LinkedIn, Imported = k % 2 == 1 };
                c.RefreshSearch(null);
                return c;
            }).ToList();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await ContactBulkInsert.ContactsAsync(db, people, now);
                await transaction.CommitAsync();
            }
            foreach (var (month, rest) in new[] { (9, 0), (10, 1), (11, 2) })
            {
                var ids = people.Where((_, k) => k % 3 == rest).Select(c => c.Id).ToList();
                await db.Contacts.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, Utc(month, 15)));
            }
            var asked = Enumerable.Range(0, People).Where(k => k % 10 == 1).ToList();
            var conversations = asked.Select(k => new Conversation
            {
                ContactId = people[k].Id, Stage = StageOf(k), StageChangedAtUtc = Utc(11, 19),
                MeetingStartUtc = StageOf(k) is ConversationStage.Scheduled or ConversationStage.Held or ConversationStage.Thanked ? Utc(11, 24) : null,
            }).ToList();
            db.Conversations.AddRange(conversations);
            await db.SaveChangesAsync();
            for (var i = 0; i < asked.Count; i++)
            {
                var (k, conversation) = (asked[i], conversations[i]);
                db.OutreachAttempts.Add(new OutreachAttempt
                {
                    ContactId = conversation.ContactId, ConversationId = conversation.Id, Channel = Channel.Email, Purpose = TemplatePurpose.Request,
                    Body = "Hello", SentAtUtc = Utc(11, 17),
                });
                if (k % 20 == 1) db.Replies.Add(new Reply { ContactId = conversation.ContactId, ConversationId = conversation.Id, Kind = ReplyKind.Accepted, AtUtc = Utc(11, 19) });
            }
            return await db.SaveChangesAsync();
        });

        var page = await user.Client.GetPageAsync("/insights?from=2026-09-01&to=2026-11-27");
        // Each month: 10,000 added; 1,000 with k mod 30 in {0, 10, 20} referred, 5,000 odd ones imported, 4,000 by hand.
        Assert.Equal([["Sep 2026", "4000", "5000", "1000"], ["Oct 2026", "4000", "5000", "1000"], ["Nov 2026", "4000", "5000", "1000"]],
            Table(page, "growth-chart"));
        Assert.Equal([["Requests sent", "3000", "–"], ["Replied", "1500", "50%"], ["Scheduled", "500", "33%"], ["Held", "250", "50%"], ["Thanked", "50", "20%"]],
            Table(page, "funnel-chart"));
        // Asked on a Tuesday, answered on the Thursday: two business days.
        Assert.Equal([["LinkedIn", "50%", "3000", "1500", "2"]], Table(page, "by-source-chart"));
        Assert.Equal([["Email", "50%", "3000", "1500", "2"]], Table(page, "by-channel-chart"));
        Assert.Equal(["Nov 16", "3000"], Table(page, "weekly-chart")[^2]);
    }
}
