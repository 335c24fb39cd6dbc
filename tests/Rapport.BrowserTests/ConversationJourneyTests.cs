using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>A conversation on a phone: plan, schedule, take notes in it, a referral and a promise,
/// lose the network mid-note without losing a word, and reflect.</summary>
public class ConversationJourneyTests
{
    [Fact]
    public async Task On_a_phone_a_person_plans_schedules_holds_loses_the_network_and_reflects()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true, viewport: new ViewportSize { Width = 390, Height = 844 });
        var app = new RapportPages(session);
        var page = session.Page;
        var ownerId = await session.App.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());
        var fieldId = await session.App.WithDbAsync(ownerId, async db =>
        {
            var field = new CareerField();
            field.Rename("UX research");
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        var contactId = await session.App.AddContactAsync(ownerId, "Amara", "Okafor", "Riverside Health", c => c.Fields.Add(new ContactField { CareerFieldId = fieldId }));
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        // Plan.
        await session.GoAsync($"/people/{contactId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan a conversation" }).ClickAsync();
        await page.GetByLabel("Learn how people get in").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan and propose questions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Prepare: Amara Okafor");
        var questions = page.Locator("#question-list li");
        Assert.InRange(await questions.CountAsync(), 5, 10);
        await session.ScreenshotAsync("20-phone-prepare");
        // The printed sheet: no navigation or buttons, the questions with room to write.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator("form[action*='handler=Add']").First.IsVisibleAsync());
        Assert.True(await page.Locator(".answer-space").First.IsVisibleAsync());
        await session.ScreenshotAsync("20-print-sheet");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Schedule.
        await session.GoAsync($"/conversations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await page.GetByLabel("Date").FillAsync("2026-11-27");
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("15:30");
        await page.GetByLabel("Video or call link").FillAsync("https://meet.example/amara");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("scheduled");

        // Hold: a note saves as it is typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        var firstNote = page.Locator("textarea[data-autosave^='q:']").First;
        await firstNote.FillAsync("Interviews early in the week, synthesis after.");
        await Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync("All notes saved.");

        // The network drops mid-note: the words stay on the phone and go when it is back.
        await session.Context.SetOfflineAsync(true);
        var secondNote = page.Locator("textarea[data-autosave^='q:']").Nth(1);
        await secondNote.FillAsync("Came in from nursing; two small projects were enough.");
        await Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Offline");
        await session.ScreenshotAsync("21-phone-offline");
        await session.Context.SetOfflineAsync(false);
        await Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync("All notes saved.", new() { Timeout = 20_000 });
        var notes = await session.App.WithDbAsync(ownerId, db => db.ConversationQuestions.Where(q => q.Notes != null).OrderBy(q => q.Position).Select(q => q.Notes).ToListAsync());
        Assert.Equal(["Interviews early in the week, synthesis after.", "Came in from nursing; two small projects were enough."], notes);

        // A referral and a promise.
        await page.GetByPlaceholder("First name").FillAsync("Grace");
        await page.GetByPlaceholder("Last name").FillAsync("Mensah");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add referral" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Grace Mensah is added");
        await page.GetByPlaceholder("Send my portfolio link").FillAsync("Send my capstone write-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("#promises")).ToContainTextAsync("Send my capstone write-up");
        await session.ScreenshotAsync("22-phone-hold");

        // End (half an hour before the time agreed, so it asks first), then reflect.
        await page.GetByRole(AriaRole.Button, new() { Name = "End the conversation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "End it now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What did you learn from Amara Okafor?");
        await page.GetByLabel("What I learned").FillAsync("Career changers are welcome if they can show how they learn from users.");
        await page.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        await Expect(page.Locator(".stage").First).ToHaveTextAsync("Held");
        await Expect(page.GetByText("4 of 5")).ToBeVisibleAsync();
        await session.ScreenshotAsync("23-phone-conversation");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone");
        Assert.Empty(session.Problems);

        // Signing out leaves no notes behind in the browser.
        await app.SignOutAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('rapport:')).length"));
    }
}
