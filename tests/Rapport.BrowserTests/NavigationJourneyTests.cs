using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>Every place a person uses weekly is one tap from the main navigation, on a laptop and on a
/// phone, where the places fold into a menu that opens without JavaScript.</summary>
public class NavigationJourneyTests
{
    private static readonly string[] Places = ["Today", "Research", "People", "Conversations", "Follow-ups", "Templates", "Outcome"];

    [Fact]
    public async Task Weekly_places_are_one_tap_away_and_fold_into_a_menu_on_a_phone_without_javascript()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var page = session.Page;
        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var place in Places) await Expect(nav.GetByRole(AriaRole.Link, new() { Name = place, Exact = true })).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Templates" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/templates$"));
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Templates" })).ToHaveAttributeAsync("aria-current", "page");
        await session.ScreenshotAsync("layout-12-laptop");
        // A long name in the account menu must not push the header onto a second line either.
        await session.GoAsync("/account/profile");
        await page.GetByLabel("Your name").FillAsync("Maximiliane Alexandra");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("p.status")).ToContainTextAsync("Your profile is saved.");

        // A phone with scripts off: the places fold into one menu, the header keeps to one line.
        await using var phone = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            JavaScriptEnabled = false,
            StorageState = await session.Context.StorageStateAsync(),
        });
        var phonePage = await phone.NewPageAsync();
        await phonePage.GotoAsync(session.BaseUrl + "/people");
        var phoneNav = phonePage.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var header = await phonePage.Locator(".site-header").BoundingBoxAsync();
        var brand = await phonePage.Locator(".brand").BoundingBoxAsync();
        Assert.True(header!.Height < brand!.Height * 3, $"the header is {header.Height}px high: the navigation wraps");
        foreach (var summary in new[] { ".places-menu summary", ".account-menu summary" })
        {
            var box = await phonePage.Locator(summary).BoundingBoxAsync();
            Assert.True(box!.Y < brand.Y + brand.Height && box.Y + box.Height > brand.Y, $"{summary} is not on the brand's line: the header wraps");
        }
        Assert.True(await phonePage.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "the header is wider than the phone");
        await Expect(phoneNav.GetByRole(AriaRole.Link, new() { Name = "Outcome" })).ToBeHiddenAsync();
        await phoneNav.GetByText("Menu", new() { Exact = true }).ClickAsync();
        foreach (var place in Places) await Expect(phoneNav.GetByRole(AriaRole.Link, new() { Name = place, Exact = true })).ToBeVisibleAsync();
        await Expect(phoneNav.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await session.ScreenshotAsync("layout-12-phone-menu", phonePage);
        await phoneNav.GetByRole(AriaRole.Link, new() { Name = "Outcome" }).ClickAsync();
        await Expect(phonePage).ToHaveURLAsync(new Regex("/outcome$"));
        Assert.Empty(session.Problems);
    }
}
