using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;

namespace Rapport.BrowserTests;

/// <summary>The pictures at the top of the README are taken here, from the demo account, each run, so they show
/// Rapport as it is; and the look is photographed in both themes at a desk and on a phone, to be looked at.</summary>
public class ReadmeScreenshotTests
{
    private static async Task<BrowserSession> SignedInDemoAsync()
    {
        var session = await BrowserSession.StartAsync(new() { ["Demo:Enabled"] = "true" });
        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(Rapport.Data.DemoOptions.Email, Rapport.Data.DemoOptions.Password);
        await session.Page.WaitForURLAsync(session.BaseUrl + "/");
        return session;
    }

    /// <summary>The demo's conversation with the most to show: questions planned, a meeting, notes.</summary>
    private static Task<int> ShowcaseConversationAsync(BrowserSession session) => session.App.WithDbAsync(null, async db =>
    {
        var demoId = await db.Users.Where(u => u.Email == Rapport.Data.DemoOptions.Email).Select(u => u.Id).SingleAsync();
        return await db.Conversations.IgnoreQueryFilters().Where(c => c.OwnerId == demoId && c.DeletedAtUtc == null && c.Questions.Any())
            .OrderByDescending(c => c.Stage == Rapport.Domain.ConversationStage.Scheduled).ThenBy(c => c.Id).Select(c => c.Id).FirstAsync();
    });

    private static async Task ShootAsync(IPage page, string path, int width, int height, string file, bool fullPage)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks blank");
    }

    private static readonly int[] LightBackground = [255, 255, 255];
    private static readonly int[] DarkBackground = [19, 23, 31];

    /// <summary>The colour the page is painted with, as whole red, green and blue: Pico paints it on the root element
    /// (the body stays transparent over it), and its dark one has halves (19, 22.5, 30.5) that browsers round.</summary>
    private static async Task<int[]> PageBackgroundAsync(IPage page) =>
        await page.EvaluateAsync<int[]>("() => getComputedStyle(document.documentElement).backgroundColor.match(/[\\d.]+/g).slice(0, 3).map(n => Math.round(Number(n)))");

    [Fact]
    public async Task The_README_opens_with_Today_the_board_and_a_conversation_on_a_phone()
    {
        await using var session = await SignedInDemoAsync();
        var folder = Path.Combine(BrowserSession.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        var conversation = await ShowcaseConversationAsync(session);
        await ShootAsync(session.Page, session.BaseUrl + "/", 1280, 800, Path.Combine(folder, "today.png"), fullPage: false);
        await ShootAsync(session.Page, session.BaseUrl + "/conversations", 1280, 800, Path.Combine(folder, "board.png"), fullPage: false);
        await ShootAsync(session.Page, session.BaseUrl + $"/conversations/{conversation}", 390, 844, Path.Combine(folder, "conversation-phone.png"), fullPage: false);
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task The_look_in_both_themes_at_a_desk_and_on_a_phone()
    {
        await using var session = await SignedInDemoAsync();
        var conversation = await ShowcaseConversationAsync(session);
        var contact = await session.App.WithDbAsync(null, db => db.Conversations.IgnoreQueryFilters().Where(c => c.Id == conversation).Select(c => c.ContactId).SingleAsync());
        var page = session.Page;
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            // As the device is set: the theme the person has not chosen follows it.
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var (name, path) in new[] { ("today", "/"), ("contact", $"/people/{contact}"), ("conversation", $"/conversations/{conversation}") })
                foreach (var width in new[] { 1280, 390 })
                    await ShootAsync(page, session.BaseUrl + path, width, 900, BrowserSession.ShotPath($"look-{scheme.ToString().ToLowerInvariant()}-{name}-{width}.png"), fullPage: true);
            Assert.Equal(scheme == ColorScheme.Dark ? DarkBackground : LightBackground, await PageBackgroundAsync(page));
        }

        // Chosen in the account menu, dark holds even on a light device.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(session.BaseUrl + "/");
        await page.Locator(".account-menu summary").ClickAsync();
        await page.Locator(".theme-switch button[value=Dark]").ClickAsync();
        await page.WaitForSelectorAsync("html[data-theme=dark]");
        Assert.Equal("Rapport now looks dark.", (await page.Locator("[role=status]").TextContentAsync())?.Trim());
        Assert.Equal(DarkBackground, await PageBackgroundAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ShotPath("look-chosen-dark-today-1280.png") });
        Assert.Empty(session.Problems);
    }
}
