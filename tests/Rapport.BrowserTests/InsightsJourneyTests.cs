using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;

namespace Rapport.BrowserTests;

/// <summary>The insights of the sample account on a desk and on a phone: every chart fits the screen, opens its
/// table without JavaScript, and axe finds nothing serious.</summary>
public class InsightsJourneyTests
{
    [Fact]
    public async Task The_insights_fit_a_phone_and_a_desk_and_meet_WCAG_2_2_AA()
    {
        await using var session = await BrowserSession.StartAsync(new() { ["Demo:Enabled"] = "true" });
        var page = session.Page;
        await session.Context.AddInitScriptAsync(await File.ReadAllTextAsync(AccessibilitySweepTests.AxePath()));
        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(Rapport.Data.DemoOptions.Email, Rapport.Data.DemoOptions.Password);
        await page.WaitForURLAsync(session.BaseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(session.BaseUrl + "/insights");
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            // Nothing wider than the screen: the page does not scroll sideways, and each chart is within it.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width}px");
            var widest = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('svg.chart')].map(s => s.getBoundingClientRect().right))");
            Assert.True(widest <= width, $"a chart reaches {widest}px at {width}px");
            await page.Locator("details[data-chart='funnel-chart'] summary").ClickAsync();
            Assert.True(await page.Locator("details[data-chart='funnel-chart'] table").IsVisibleAsync());
            await page.Locator("details[data-chart='funnel-chart'] summary").ClickAsync();
            var found = await page.EvaluateAsync<string[]>(AccessibilitySweepTests.RunAxe);
            Assert.True(found.Length == 0, string.Join("\n", found));
            await session.ScreenshotAsync($"insights-{width}");
        }
        Assert.Empty(session.Problems);
    }
}
