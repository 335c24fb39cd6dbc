using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>In a real browser, which flattens one-line inputs and drops a text area's first line break, saving one
/// field of the meeting, the notes or the profile leaves the multi-line text of the others as it was.</summary>
public class UntouchedFieldsJourneyTests
{
    private const string Place = "Riverside Health\nBuilding 2, room 4";
    private const string Link = " https://meet.example/amara ";
    private const string Notes = "\nAsk about the reorg\r\n\tand the new team 🙂";
    private const string Introduction = "\nI am a nurse\nexploring UX research 𝔘";

    [Fact]
    public async Task Saving_the_meeting_the_notes_and_the_profile_keeps_the_lines_nobody_edited()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = new RapportPages(session);
        var page = session.Page;
        var ownerId = await session.App.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());
        var contactId = await session.App.AddContactAsync(ownerId, "Amara", "Okafor");
        var id = await session.App.WithDbAsync(ownerId, async db =>
        {
            var conversation = new Conversation
            {
                ContactId = contactId, TimeZoneId = "UTC", Stage = ConversationStage.Scheduled, StageChangedAtUtc = DateTime.UtcNow,
                MeetingStartUtc = session.App.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(15), Mode = MeetingMode.Video,
                Place = Place, VideoLink = Link, FreeNotes = Notes,
            };
            db.Conversations.Add(conversation);
            var owner = await db.Users.SingleAsync(u => u.Id == ownerId);
            owner.SelfIntroduction = Introduction;
            await db.SaveChangesAsync();
            return conversation.Id;
        });
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        await session.GoAsync($"/conversations/{id}/schedule");
        await page.GetByLabel("Length in minutes").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Expect(page.Locator("p.status")).ToContainTextAsync("The meeting is saved.");
        await session.ScreenshotAsync("fields-4-meeting");

        await session.GoAsync($"/conversations/{id}/hold");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes", Exact = true }).ClickAsync();
        await Expect(page.Locator("p.status")).ToContainTextAsync("Your notes are saved.");
        // The app's clock stands days before the browser's: the timer counts on the server's clock, so it still waits.
        await Expect(page.Locator("p.timer")).ToContainTextAsync("Starts in 3 days");
        await session.ScreenshotAsync("fields-4-notes");

        await session.GoAsync("/account/profile");
        await page.GetByLabel("12-hour").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("p.status")).ToContainTextAsync("Your profile is saved.");
        await session.ScreenshotAsync("fields-4-profile");

        var saved = await session.App.WithDbAsync(ownerId, db => db.Conversations.Where(c => c.Id == id)
            .Select(c => new { c.Place, c.VideoLink, c.FreeNotes, c.DurationMinutes }).SingleAsync());
        Assert.Equal((Place, Link, Notes, 45), (saved.Place, saved.VideoLink, saved.FreeNotes, saved.DurationMinutes));
        var profile = await session.App.WithDbAsync(null, db => db.Users.Where(u => u.Id == ownerId).Select(u => new { u.SelfIntroduction, u.TwentyFourHourClock }).SingleAsync());
        Assert.Equal((Introduction, (bool?)false), (profile.SelfIntroduction, profile.TwentyFourHourClock));
        Assert.Empty(session.Problems);
    }
}
