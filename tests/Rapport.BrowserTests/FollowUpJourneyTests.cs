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

    [Fact]
    public async Task On_a_phone_the_who_answers_table_scrolls_in_a_region_the_keyboard_can_reach()
    {
        await using var session = await BrowserSession.StartAsync(new() { ["Demo:Enabled"] = "true" }, viewport: new ViewportSize { Width = 390, Height = 844 });
        var page = session.Page;
        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(Rapport.Data.DemoOptions.Email, Rapport.Data.DemoOptions.Password);
        await page.WaitForURLAsync(session.BaseUrl + "/");
        await session.GoAsync("/follow-ups/answers");

        // The page itself does not scroll sideways: the table does, inside a named region.
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "the page is wider than the phone");
        var region = page.GetByRole(AriaRole.Region, new() { Name = "Answers by how you know them (scrolls sideways)" });
        await Expect(region.Locator("table")).ToBeVisibleAsync();
        var hidden = await region.EvaluateAsync<int>("r => r.scrollWidth - r.clientWidth");
        // From the keyboard: Tab reaches the region, and the arrow keys show the columns that did not fit.
        for (var i = 0; i < 40 && !await region.EvaluateAsync<bool>("r => r === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(region).ToBeFocusedAsync();
        if (hidden > 0)
        {
            for (var i = 0; i < 30 && await region.EvaluateAsync<double>("r => r.scrollLeft") < hidden - 1; i++)
                await page.Keyboard.PressAsync("ArrowRight");
            Assert.True(await region.EvaluateAsync<double>("r => r.scrollLeft") >= hidden - 1, "the arrow keys do not scroll the table to its end");
        }
        var lastColumn = await region.Locator("thead th").Last.BoundingBoxAsync();
        var box = await region.BoundingBoxAsync();
        Assert.True(lastColumn!.X + lastColumn.Width <= box!.X + box.Width + 1 && box.X + box.Width <= 390, "the last column stays out of reach");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ShotPath("a11y-17-who-answers.png"), FullPage = true });
        Assert.Empty(session.Problems);
    }
}
