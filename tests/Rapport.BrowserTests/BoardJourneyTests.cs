using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>The pipeline board at a desk and on a phone: a card dragged with the mouse to the next stage moves it (and
/// the rules make their tasks), a drop the rules refuse snaps back and says why, and a card moved from its menu with the
/// keyboard alone moves too.</summary>
public class BoardJourneyTests
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task A_card_dragged_with_the_mouse_and_another_moved_with_the_keyboard_change_stage_and_the_rules_follow(int width, int height)
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true, viewport: new ViewportSize { Width = width, Height = height });
        var app = new RapportPages(session);
        var page = session.Page;
        var ownerId = await session.App.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());
        var now = session.App.Clock.GetUtcNow().UtcDateTime;
        var ben = await session.App.AddContactAsync(ownerId, "Ben", "Weiss", "Northwind Analytics");
        var amara = await session.App.AddContactAsync(ownerId, "Amara", "Okafor", "Riverside Health");
        var (held, requested) = await session.App.WithDbAsync(ownerId, async db =>
        {
            // Ben's meeting took place an hour ago; Amara's request has no meeting time yet.
            var met = new Conversation { ContactId = ben, Stage = ConversationStage.Scheduled, StageChangedAtUtc = now.AddDays(-3), MeetingStartUtc = now.AddHours(-1) };
            var asked = new Conversation { ContactId = amara, Stage = ConversationStage.Requested, StageChangedAtUtc = now.AddDays(-2) };
            db.Conversations.AddRange(met, asked);
            await db.SaveChangesAsync();
            return (met.Id, asked.Id);
        });
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);
        await session.GoAsync("/conversations");
        var message = page.Locator("#board-message");

        // The mouse: Ben's card from Scheduled to Held, in small steps as a hand moves (SortableJS needs real pointer moves).
        await DragAsync(page, $"li[data-id='{held}'] article", "ol[data-stage='Held']");
        await Expect(message).ToHaveTextAsync("Ben Weiss: now held.");
        await Expect(page.Locator($"ol[data-stage='Held'] li[data-id='{held}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"ol[data-stage='Held'] li[data-id='{held}']")).ToContainTextAsync("thank-you");
        await session.ScreenshotAsync($"40-board-{width}");

        // A drop the rules refuse: Amara has no meeting time, so she cannot be scheduled; her card goes back.
        await DragAsync(page, $"li[data-id='{requested}'] article", "ol[data-stage='Scheduled']");
        await Expect(message).ToHaveTextAsync("Amara Okafor stays at Requested: " + ConversationStages.NeedsMeetingTime);
        await Expect(page.Locator($"ol[data-stage='Requested'] li[data-id='{requested}']")).ToHaveCountAsync(1);

        // The keyboard: her card's menu, opened and used without a pointer. It does not offer Scheduled, which needs a time.
        await page.Locator($"li[data-id='{requested}'] summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Contains("Declined", await FocusedTextAfterTabAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Amara Okafor: now declined.");
        await Expect(page.Locator($"ol[data-stage='Declined'] li[data-id='{requested}']")).ToHaveCountAsync(1);

        var (stages, tasks) = await session.App.WithDbAsync(ownerId, async db => (
            await db.Conversations.OrderBy(c => c.Id).Select(c => c.Stage).ToListAsync(),
            await db.FollowUpTasks.Where(t => t.DoneAtUtc == null).Select(t => new { t.Kind, t.ContactId }).ToListAsync()));
        Assert.Equal([ConversationStage.Held, ConversationStage.Declined], stages);
        Assert.Contains(tasks, t => t.Kind == TaskKind.ThankYou && t.ContactId == ben);
        Assert.Empty(session.Problems);
    }

    private static async Task<string> FocusedTextAfterTabAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        return await page.EvaluateAsync<string>("() => document.activeElement.textContent");
    }

    /// <summary>Brings the edge between the card's column and the target into view (the board scrolls sideways), then
    /// presses on the card, moves to the target column in steps, and lets go.</summary>
    private static async Task DragAsync(IPage page, string card, string target)
    {
        await page.EvaluateAsync("""
            ([card, target]) => {
              const board = document.querySelector('.board');
              const from = document.querySelector(card).closest('.board-column');
              const to = document.querySelector(target).closest('.board-column');
              const edge = (from.offsetLeft + from.offsetWidth + to.offsetLeft) / 2 - board.offsetLeft;
              board.scrollLeft = Math.max(0, edge - board.clientWidth / 2);
              from.scrollIntoView({ block: 'nearest', inline: 'nearest' });
              window.scrollTo(0, Math.max(0, from.getBoundingClientRect().top + window.scrollY - 80));
            }
            """, new[] { card, target });
        var source = (await page.Locator(card).BoundingBoxAsync())!;
        var goal = (await page.Locator(target).BoundingBoxAsync())!;
        var board = (await page.Locator(".board").BoundingBoxAsync())!;
        // Grab the card by the part of it that is in view, under its heading and away from links and the menu.
        var startX = Math.Clamp(source.X + source.Width / 2, board.X + 10, board.X + board.Width - 10);
        var startY = source.Y + source.Height - 12;
        var endX = Math.Clamp(goal.X + goal.Width / 2, board.X + 10, board.X + board.Width - 10);
        var endY = goal.Y + Math.Min(goal.Height, 60) / 2;
        await page.Mouse.MoveAsync((float)startX, (float)startY);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)startX + 5, (float)startY + 5, new() { Steps = 5 });
        await page.Mouse.MoveAsync((float)endX, (float)endY, new() { Steps = 25 });
        await page.Mouse.UpAsync();
    }
}
