using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>Three days before a meeting: the main button says when it starts, the answers are one set of buttons,
/// the meeting screen's timer waits, ending early asks first, and the end can be undone with the time it had.</summary>
public class StageJourneyTests
{
    [Fact]
    public async Task Ending_a_meeting_three_days_early_asks_first_and_can_be_undone_with_its_time_and_without_its_tasks()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = new RapportPages(session);
        var page = session.Page;
        var ownerId = await session.App.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());
        var daniel = await session.App.AddContactAsync(ownerId, "Daniel", "Weiss", "Northwind Analytics");
        var grace = await session.App.AddContactAsync(ownerId, "Grace", "Kim", null);
        var planned = session.App.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        var (meeting, asked) = await session.App.WithDbAsync(ownerId, async db =>
        {
            var now = session.App.Clock.GetUtcNow().UtcDateTime;
            var scheduled = new Conversation { ContactId = daniel, Stage = ConversationStage.Scheduled, StageChangedAtUtc = now, MeetingStartUtc = planned, TimeZoneId = "UTC" };
            scheduled.StageChanges.Add(new StageChange { From = null, To = ConversationStage.Scheduled, AtUtc = now });
            scheduled.Referrals.Add(new Referral { ContactId = grace, MayUseName = NameUse.Yes, CreatedAtUtc = now });
            var request = new Conversation { ContactId = grace, Stage = ConversationStage.Requested, StageChangedAtUtc = now, TimeZoneId = "UTC" };
            request.StageChanges.Add(new StageChange { From = null, To = ConversationStage.Requested, AtUtc = now });
            db.Conversations.AddRange(scheduled, request);
            await db.SaveChangesAsync();
            return (scheduled.Id, request.Id);
        });
        // The page's clock stands where the app's does, so the timer in the page agrees with the server.
        await page.Clock.SetFixedTimeAsync(session.App.Clock.GetUtcNow().UtcDateTime);
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        // A request: one set of answers, in the person's words, and the main button logs the reply.
        await session.GoAsync($"/conversations/{asked}");
        await Expect(page.Locator("[data-next-step]")).ToHaveTextAsync("Log the reply");
        await Expect(page.Locator("#reply button")).ToHaveTextAsync(["They said yes", "They declined", "No reply", "Call it off"]);
        await session.ScreenshotAsync("stages-8");

        // Scheduled in three days: the main button says so and opens the meeting screen, where the timer waits.
        await session.GoAsync($"/conversations/{meeting}");
        await Expect(page.Locator("[data-next-step]")).ToHaveTextAsync("Starts in 3 days");
        await session.ScreenshotAsync("stages-6");
        await page.Locator("[data-next-step]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Daniel Weiss");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^In the conversation with Daniel Weiss"));
        await Expect(page.Locator(".timer")).ToHaveTextAsync("Starts in 3 days");
        await Expect(page.Locator("#referrals li")).ToContainTextAsync("Grace Kim Daniel agreed to be mentioned");
        // A first note does not set the timer going three days early.
        await page.Locator("#free-notes").FillAsync("Ask about the junior analyst role.");
        await Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync("All notes saved.");
        await page.ReloadAsync();
        await Expect(page.Locator(".timer")).ToHaveTextAsync("Starts in 3 days");
        await session.ScreenshotAsync("stages-9-13");

        // Ending now asks first, saying when it was planned.
        await page.GetByRole(AriaRole.Button, new() { Name = "End the conversation" }).ClickAsync();
        await Expect(page.Locator(".confirm-end")).ToContainTextAsync("in 3 days");
        await Expect(page.Locator(".confirm-end")).ToContainTextAsync(session.App.Clock.GetUtcNow().UtcDateTime.AddDays(3).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await session.ScreenshotAsync("stages-1-ask");
        await page.GetByRole(AriaRole.Button, new() { Name = "End it now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What did you learn from Daniel Weiss?");
        Assert.True(await session.App.WithDbAsync(ownerId, db => db.FollowUpTasks.AnyAsync(t => t.Kind == TaskKind.ThankYou && t.ConversationId == meeting)));

        // Ended: the timer has stopped; the conversation page offers to undo, and undoing puts back the time it had.
        await session.GoAsync($"/conversations/{meeting}/hold");
        await Expect(page.Locator(".timer")).ToContainTextAsync("Ended at");
        await session.ScreenshotAsync("stages-9-ended");
        await session.GoAsync($"/conversations/{meeting}");
        await Expect(page.Locator("[data-next-step]")).ToHaveTextAsync("Write the thank-you");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo: back to scheduled" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Undone: back to scheduled");
        await Expect(page.Locator(".stage").First).ToHaveTextAsync("Scheduled");
        await Expect(page.Locator("[data-next-step]")).ToHaveTextAsync("Starts in 3 days");
        await Expect(page.Locator("#stage-heading ~ .timeline")).ToContainTextAsync("Undone: back to scheduled");
        await session.ScreenshotAsync("stages-1-undone");
        var (start, thanks) = await session.App.WithDbAsync(ownerId, async db => (
            await db.Conversations.Where(c => c.Id == meeting).Select(c => c.MeetingStartUtc).SingleAsync(),
            await db.FollowUpTasks.CountAsync(t => t.Kind == TaskKind.ThankYou)));
        Assert.Equal(planned, start);
        Assert.Equal(0, thanks);
        Assert.Empty(session.Problems);
    }
}
