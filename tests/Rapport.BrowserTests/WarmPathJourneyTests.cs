using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>From Research, "who can introduce me at" an organization typed loosely: the demo's alumna there is found,
/// with her reasons, on a laptop and on a phone.</summary>
public class WarmPathJourneyTests
{
    [Fact]
    public async Task Research_asks_who_can_introduce_you_and_the_answer_names_the_alumna_with_her_reasons()
    {
        await using var session = await BrowserSession.StartAsync(new() { ["Demo:Enabled"] = "true" });
        var page = session.Page;
        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(Rapport.Data.DemoOptions.Email, Rapport.Data.DemoOptions.Password);
        await session.GoAsync("/research");
        await page.GetByLabel("Who can introduce me at").FillAsync("GREENFIELD energy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find warm paths" }).ClickAsync();
        await Expect(page.Locator("#found-heading")).ToHaveTextAsync("At Greenfield Energy");
        var arjun = page.Locator("ol.warm-paths > li").Filter(new() { HasText = "Arjun Mehta" });
        await Expect(arjun.Locator(".reasons")).ToContainTextAsync("Studied at your school, State University");
        await session.ScreenshotAsync("warm-paths-laptop");

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "the page is wider than the phone");
        await session.ScreenshotAsync("warm-paths-phone");
        Assert.Empty(session.Problems);
    }
}
