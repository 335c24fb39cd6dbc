using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>The first whole journey through a real browser: set up, sign out and in, add a contact,
/// find it, and get a refusal right where the mistake is.</summary>
public class JourneyTests
{
    private const string Email = "ada@example.com";
    private const string Password = "a quiet pass phrase for tests";

    [Fact]
    public async Task A_newcomer_sets_up_signs_in_adds_a_contact_and_finds_it()
    {
        await using var session = await BrowserSession.StartAsync(new() { ["Accounts:Registration"] = "Closed" });
        var app = new RapportPages(session);
        var page = session.Page;

        await session.GoAsync("/");
        await Expect(page).ToHaveURLAsync(session.BaseUrl + "/account/setup");
        // The time zone starts at the browser's own (site.js), here America/Chicago.
        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("America/Chicago");
        await session.ScreenshotAsync("01-setup");
        await app.SetUpOwnerAsync("Ada Lovelace", Email, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Ada Lovelace");

        await app.SignOutAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");
        await app.SignInAsync(Email, "not my password at all");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
        await app.SignInAsync(Email, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Ada Lovelace");

        await app.OpenPeopleAsync();
        await Expect(page.GetByText("No one here yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add your first contact" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Add your first contact" })).ClickAsync();
        await app.FillContactAsync("Grace", "Hopper", "grace@example.org", "US Navy", "Ask about **compilers**");
        await app.SubmitContactAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Grace Hopper");
        await Expect(page.Locator(".notes strong")).ToHaveTextAsync("compilers");
        await session.ScreenshotAsync("02-contact");

        await app.OpenPeopleAsync();
        await Expect(page.Locator(".contact-list a.name")).ToHaveTextAsync(["Grace Hopper"]);
        await app.SearchPeopleAsync("navy");
        await Expect(page.Locator(".contact-list a.name")).ToHaveTextAsync(["Grace Hopper"]);
        await app.SearchPeopleAsync("nobody");
        await Expect(page.GetByText("No one matches")).ToBeVisibleAsync();

        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task A_mistake_is_shown_beside_its_field_and_the_typing_is_kept()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = new RapportPages(session);
        var page = session.Page;
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(Rapport.IntegrationTests.Infrastructure.RapportApp.OwnerEmail, Rapport.IntegrationTests.Infrastructure.RapportApp.OwnerPassword);
        await session.GoAsync("/people/new");

        await app.FillContactAsync("   ", null, "not-an-email", "Somewhere", "My notes stay here");
        await app.SubmitContactAsync();

        // htmx swapped in the refused form (422): same address, messages beside the fields, typing kept.
        await Expect(page.Locator("[data-valmsg-for='Input.FirstName']")).ToHaveTextAsync("Enter the first name (or the only name).");
        await Expect(page.Locator("[data-valmsg-for='Input.Emails[0].Value']")).ToHaveTextAsync("Enter an email address like name@example.com.");
        await Expect(page.GetByLabel("Notes")).ToHaveValueAsync("My notes stay here");
        await Expect(page).ToHaveURLAsync(session.BaseUrl + "/people/new");
        await session.ScreenshotAsync("03-validation");

        await app.FillContactAsync("Katherine", "Johnson", "katherine@example.org");
        await app.SubmitContactAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Katherine Johnson");
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task On_a_phone_the_pages_fit_the_screen()
    {
        await using var session = await BrowserSession.StartAsync(
            new() { ["Demo:Enabled"] = "true" }, viewport: new ViewportSize { Width = 390, Height = 844 });
        var app = new RapportPages(session);
        var page = session.Page;
        await session.GoAsync("/account/sign-in");
        await Expect(page.GetByLabel("Demo account")).ToContainTextAsync(Rapport.Data.DemoOptions.Email);
        await app.SignInAsync(Rapport.Data.DemoOptions.Email, Rapport.Data.DemoOptions.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Sam Demo");

        foreach (var (path, name) in new[]
        {
            ("/", "04-phone-today"), ("/people", "05-phone-people"), ("/people/new", "06-phone-new-contact"),
            ("/research", "07-phone-research"), ("/fields/1", "08-phone-field"), ("/organizations/targets", "09-phone-targets"),
            ("/organizations", "09-phone-organizations"), ("/people/duplicates", "09-phone-duplicates"), ("/import", "09-phone-import"),
            ("/conversations", "10-phone-conversations"), ("/follow-ups", "11-phone-follow-ups"), ("/templates", "12-phone-templates"),
            ("/outreach/compose?conversationId=3", "13-phone-compose"), ("/outcome", "14-phone-outcome"), ("/account/rules", "15-phone-rules"),
        })
        {
            await session.GoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone screen");
            await session.ScreenshotAsync(name);
        }
        await session.GoAsync("/people");
        await Expect(page.Locator(".contact-list tbody tr")).ToHaveCountAsync(24);
        // A contact with a held conversation: follow-ups, messages and the call log fit the phone too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Follow-ups" })).ToBeVisibleAsync();
        await page.GetByText("Log a call, meeting or message").ClickAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "the contact page is wider than the phone screen");
        await session.ScreenshotAsync("16-phone-contact");
        // The demo's requests: one answered quickly, one late, one declined, one still waiting.
        await session.GoAsync("/follow-ups");
        // A task's actions sit on one row: Done, Later and Dismiss share one form, laid out as the list's own buttons.
        var task = page.Locator("li.task").First;
        var done = await task.GetByRole(AriaRole.Button, new() { Name = "Done" }).BoundingBoxAsync();
        var dismiss = await task.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).BoundingBoxAsync();
        Assert.True(Math.Abs(done!.Y - dismiss!.Y) < 2 && dismiss.X > done.X + done.Width, $"Done at {done.X},{done.Y} and Dismiss at {dismiss.X},{dismiss.Y} are not on one row");
        await page.GetByRole(AriaRole.Link, new() { Name = "Who answers your requests" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who answers your requests" })).ToBeVisibleAsync();
        await Expect(page.Locator("section[aria-labelledby=answers-heading] tbody tr")).Not.ToHaveCountAsync(0);
        Assert.Empty(session.Problems);
    }
}
