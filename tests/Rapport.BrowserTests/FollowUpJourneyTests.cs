using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>Asking, getting no reply, and the follow-ups that appear by themselves on the right days,
/// with a clock the test moves; then the meeting, and the thank-you due by the deadline.</summary>
public class FollowUpJourneyTests
{
    [Fact]
    public async Task A_request_without_reply_brings_the_nudge_and_the_follow_up_on_their_days_and_a_meeting_brings_the_thank_you()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = new RapportPages(session);
        var page = session.Page;
        var clock = session.App.Clock;
        var ownerId = await session.App.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());
        var amara = await session.App.AddContactAsync(ownerId, "Amara", "Okafor", "Riverside Health",
            c => c.Emails.Add(new ContactEmail { Address = "amara@example.com", NormalizedAddress = "amara@example.com" }));
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        // Friday 27 November, 15:00 (after noon): plan, and ask with a template.
        await session.GoAsync($"/people/{amara}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan a conversation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan and propose questions" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "← Conversation with Amara Okafor" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the request" }).ClickAsync();
        await Expect(page.Locator("#Body")).ToContainTextAsync("Amara");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open in my mail app" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^mailto:amara@example.com"));
        await session.ScreenshotAsync("30-compose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as sent" }).ClickAsync();
        // No introduction in the profile yet: the message went out with it in brackets, and says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark it sent as it is" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("now requested");

        // No answer: log it.
        await page.GetByRole(AriaRole.Button, new() { Name = "No reply", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("no reply");

        // Sent after noon on a Friday, so the count starts Monday: the nudge is due Thursday 3 December...
        clock.Set(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await session.GoAsync("/");
        await Expect(page.Locator("#today-today + ul")).ToContainTextAsync("reach out to someone else");
        await Expect(page.Locator("#today-week + ul")).ToContainTextAsync("Follow up with Amara Okafor");
        await session.ScreenshotAsync("31-today-nudge");

        // ...and the follow-up Wednesday 9 December.
        clock.Set(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));
        await session.GoAsync("/");
        await Expect(page.Locator("#today-today + ul")).ToContainTextAsync("Follow up with Amara Okafor");
        await Expect(page.Locator("#today-overdue + ul")).ToContainTextAsync("reach out to someone else");

        // She answers after all; they meet now, and the thank-you is due 48 hours after the meeting ends.
        await session.GoAsync("/conversations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "In the conversation", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "End the conversation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What did you learn from Amara Okafor?");
        await session.GoAsync("/follow-ups");
        var thankYou = page.Locator(".task-thankyou");
        await Expect(thankYou).ToContainTextAsync("Send a thank-you note to Amara Okafor");
        await Expect(thankYou).ToContainTextAsync("11 Dec 2026, 10:30");
        await Expect(page.Locator(".task-followupnoreply")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("32-follow-ups");
        Assert.Empty(session.Problems);
    }
}
