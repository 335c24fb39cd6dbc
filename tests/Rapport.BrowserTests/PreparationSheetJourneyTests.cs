using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>The preparation sheet: printed on one page with room to write, and its question list
/// reordered from the keyboard without losing one's place.</summary>
public partial class PreparationSheetJourneyTests
{
    // Long questions, as a person writes their own: two lines or more each on paper.
    private static readonly string[] LongQuestions =
    [
        "How did you move from your first role into the work you do now, and what would you do differently if you started again today?",
        "What does a typical week look like for you, and which parts of it take more of your time than people outside the field would expect?",
        "Which skills or experiences made the biggest difference when you were hired, and how could a student start building them this year?",
        "What are the biggest changes you see coming to this field over the next five years, and how are people in your team preparing for them?",
        "What do you wish you had known about the culture and the pace of this kind of organization before you joined it, and why does it matter?",
        "If you were in my position, with my background and my goals, which kinds of roles or employers would you look at first, and which would you avoid?",
        "Which professional groups, newsletters, meetups or courses do people in this field actually read or attend, and which ones are worth the time?",
        "What are the most common mistakes you see from newcomers in their first year, and what would help someone avoid them from the start?",
        "How do people here usually hear about openings before they are posted, and how could someone like me become known to the right people?",
        "Could you suggest two or three other people I could talk with, and may I mention your name when I contact them?",
    ];

    [Fact]
    public async Task Ten_long_questions_print_on_one_Letter_or_A4_page_with_room_to_write()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var sheets = new Dictionary<int, int>
        {
            [8] = await SeedConversationAsync(session.App, [.. LongQuestions[..7], LongQuestions[^1]]),
            [10] = await SeedConversationAsync(session.App, LongQuestions),
        };
        await SignInAsync(session);
        var page = session.Page;

        foreach (var (count, conversationId) in sheets)
        {
            await session.GoAsync($"/conversations/{conversationId}/prepare");
            await Expect(page.Locator("#question-list li")).ToHaveCountAsync(count);
            foreach (var format in new[] { "Letter", "A4" })
            {
                var pdf = await page.PdfAsync(new PagePdfOptions { Format = format });
                var pages = PageObjects().Matches(Encoding.Latin1.GetString(pdf)).Count;
                await File.WriteAllBytesAsync(BrowserSession.ShotPath($"a11y-15-print-{count}-{format}.pdf"), pdf);
                Assert.True(pages == 1, $"{count} questions printed on {pages} {format} pages");
            }
            // Room to write under each question: at least 8 mm (30 px) with ten, more with fewer.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.SetViewportSizeAsync(816, 1056);
            var space = await page.Locator(".answer-space").First.BoundingBoxAsync();
            Assert.True(space!.Height >= (count > 8 ? 30 : 40), $"with {count} questions the space to write is {space.Height:F0}px");
            await page.ScreenshotAsync(new() { Path = BrowserSession.ShotPath($"a11y-15-print-{count}.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { Media = Media.Null });
        }
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Moving_a_question_from_the_keyboard_keeps_the_focus_on_it_and_a_typed_question_goes_before_the_closing_one()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var page = session.Page;
        var conversationId = await SeedConversationAsync(session.App, LongQuestions[..6].Append(LongQuestions[^1]).ToArray());
        await SignInAsync(session);
        await session.GoAsync($"/conversations/{conversationId}/prepare");
        var items = page.Locator("#question-list li .question-text");

        // Down twice from the keyboard (htmx swaps the list): the focus stays on the moved question's button.
        var first = LongQuestions[0];
        await page.GetByRole(AriaRole.Button, new() { Name = "Move down: " + first }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(items.Nth(1)).ToHaveTextAsync(first);
        await ExpectFocusAsync(page, "Move down: " + first);
        await page.Keyboard.PressAsync("Space");
        await Expect(items.Nth(2)).ToHaveTextAsync(first);
        await ExpectFocusAsync(page, "Move down: " + first);
        // Up to the top: its ↑ is then disabled, so the focus moves to its ↓ rather than to the page.
        await page.Keyboard.PressAsync("Shift+Tab");
        await ExpectFocusAsync(page, "Move up: " + first);
        await page.Keyboard.PressAsync("Enter");
        await Expect(items.Nth(1)).ToHaveTextAsync(first);
        await ExpectFocusAsync(page, "Move up: " + first);
        await page.Keyboard.PressAsync("Enter");
        await Expect(items.Nth(0)).ToHaveTextAsync(first);
        await ExpectFocusAsync(page, "Move down: " + first);

        // Targets of at least 24 by 24 px.
        foreach (var button in await page.Locator(".question-actions button").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.True(box!.Width >= 24 && box.Height >= 24, $"a button is {box.Width:F0}×{box.Height:F0}px");
        }
        await page.ScreenshotAsync(new() { Path = BrowserSession.ShotPath("a11y-16-reorder.png"), FullPage = true });
        Assert.Empty(session.Problems);

        // Without JavaScript the move reloads the page, and the moved question's button has the focus again.
        await using var plain = await session.Browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } });
        await plain.AddCookiesAsync((await session.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var noScript = await plain.NewPageAsync();
        await noScript.GotoAsync(session.BaseUrl + $"/conversations/{conversationId}/prepare");
        await noScript.GetByRole(AriaRole.Button, new() { Name = "Move down: " + first }).FocusAsync();
        await noScript.Keyboard.PressAsync("Enter");
        var plainItems = noScript.Locator("#question-list li .question-text");
        await Expect(plainItems.Nth(1)).ToHaveTextAsync(first);
        await ExpectFocusAsync(noScript, "Move down: " + first, htmx: false);

        // A question typed by hand lands before the closing "who else should I talk to".
        await noScript.GetByLabel("Or write one for this conversation").FillAsync("What surprised you most in your first year?");
        await noScript.Locator("form:has(#add-text) button[type=submit]").ClickAsync();
        await Expect(plainItems).ToHaveCountAsync(8);
        await Expect(plainItems.Nth(6)).ToHaveTextAsync("What surprised you most in your first year?");
        await Expect(plainItems.Nth(7)).ToHaveTextAsync(LongQuestions[^1]);
    }

    [Fact]
    public async Task On_a_touch_screen_the_move_buttons_are_44_px()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true, viewport: new ViewportSize { Width = 390, Height = 844 }, touch: true);
        var conversationId = await SeedConversationAsync(session.App, LongQuestions[..5]);
        await SignInAsync(session);
        await session.GoAsync($"/conversations/{conversationId}/prepare");
        foreach (var button in await session.Page.Locator(".question-actions button").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.True(box!.Width >= 44 && box.Height >= 44, $"a button is {box.Width:F0}×{box.Height:F0}px on a touch screen");
        }
        await session.Page.ScreenshotAsync(new() { Path = BrowserSession.ShotPath("a11y-16-touch.png"), FullPage = true });
    }

    /// <summary>The focused element is the named button, once the list is swapped and settled.</summary>
    private static async Task ExpectFocusAsync(IPage page, string label, bool htmx = true)
    {
        // htmx moves the focus to the swapped list's autofocus button only as the swap settles: a key pressed
        // before then goes to a button that loses the focus a moment later, as a busy machine showed.
        if (htmx) await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request, .htmx-settling, .htmx-added, .htmx-swapping')");
        await Expect(page.Locator(":focus")).ToHaveAttributeAsync("aria-label", label);
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObjects();

    private static Task<string> OwnerIdAsync(RapportApp app) => app.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());

    private static async Task SignInAsync(BrowserSession session)
    {
        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);
        await session.Page.WaitForURLAsync(session.BaseUrl + "/");
    }

    /// <summary>A conversation as a person prepares it: goals, fields, an introduction, a meeting, and these questions.</summary>
    private static async Task<int> SeedConversationAsync(RapportApp app, IReadOnlyList<string> questions)
    {
        var ownerId = await OwnerIdAsync(app);
        await app.WithDbAsync(ownerId, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == ownerId);
            user.SelfIntroduction = "I am a second-year public health student exploring careers in health data. I asked for this conversation to learn how people "
                + "get into the field and what the work is really like; I am looking for advice, not a job.";
            await db.SaveChangesAsync();
            return 0;
        });
        var contactId = await app.AddContactAsync(ownerId, "Amara", "Okafor", "Riverside Health");
        return await app.WithDbAsync(ownerId, async db =>
        {
            var conversation = new Conversation
            {
                ContactId = contactId, Stage = ConversationStage.Scheduled, Mode = MeetingMode.Video, DurationMinutes = 30,
                MeetingStartUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(3), TimeZoneId = "America/Chicago",
                Goals = ConversationGoal.DecideFit | ConversationGoal.LearnTheWayIn | ConversationGoal.GrowLocalNetwork,
                OwnGoals = "Find out whether hospital analytics teams hire people from public health programs.",
            };
            for (var i = 0; i < questions.Count; i++)
                conversation.Questions.Add(new ConversationQuestion
                {
                    Text = questions[i], Position = i,
                    Part = i == questions.Count - 1 && questions[i] == LongQuestions[^1] ? ConversationPart.NextSteps : ConversationPart.Insights,
                });
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });
    }
}
