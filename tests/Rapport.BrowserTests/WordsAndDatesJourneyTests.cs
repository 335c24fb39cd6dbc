using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>A student in the US reflects on a conversation: the next steps become follow-ups on the conversation
/// and the field, dates read month first on a 12-hour clock, field names sit lower-case inside sentences, and
/// counts take the right number.</summary>
public class WordsAndDatesJourneyTests
{
    [Fact]
    public async Task Next_steps_become_follow_ups_and_dates_field_names_and_counts_read_as_the_person_reads_them()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var page = session.Page;
        await session.GoAsync("/account/register");
        await new RapportPages(session).SetUpOwnerAsync("Jordan", "jordan@example.com", "a long and quiet pass phrase");
        var ownerId = await session.App.WithDbAsync(null, db => db.Users.Where(u => u.Email == "jordan@example.com").Select(u => u.Id).SingleAsync());
        var (fieldId, contactId, conversationId) = await session.App.WithDbAsync(ownerId, async db =>
        {
            var field = new CareerField();
            field.Rename("Data analysis");
            var contact = new Contact { FirstName = "Grace", LastName = "Kim" };
            contact.Fields.Add(new ContactField { CareerField = field });
            contact.Events.Add(new ContactEvent { Kind = ContactEventKind.Added, OccurredAtUtc = session.App.Clock.GetUtcNow().UtcDateTime, Text = "Added" });
            contact.RefreshSearch(null);
            var conversation = new Conversation
            {
                Contact = contact, Stage = ConversationStage.Held, StageChangedAtUtc = session.App.Clock.GetUtcNow().UtcDateTime,
                MeetingStartUtc = new DateTime(2026, 11, 26, 20, 30, 0, DateTimeKind.Utc), TimeZoneId = "America/Chicago",
            };
            conversation.Fields.Add(new ConversationField { CareerField = field });
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return (field.Id, contact.Id, conversation.Id);
        });

        // Point 2: the next steps of the reflection become follow-ups of the conversation, shown there and on the field.
        await session.GoAsync($"/conversations/{conversationId}/reflect");
        await page.GetByLabel("Next steps").FillAsync("- Send Grace the thank-you\n- Read the report she mentioned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        var steps = page.Locator("#next-steps li.task");
        await Expect(steps).ToHaveCountAsync(2);
        await Expect(steps.First).ToContainTextAsync("Send Grace the thank-you");
        // Point 14: a US browser reads month first, on a 12-hour clock (14:30 in Chicago).
        await Expect(page.Locator("section[aria-labelledby=meeting-heading]")).ToContainTextAsync("Nov 26, 2026, 2:30 PM");
        await session.ScreenshotAsync("layout-02-conversation");
        await steps.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator("#next-steps .done-steps")).ToContainTextAsync("Read the report she mentioned");
        await session.GoAsync($"/fields/{fieldId}");
        await Expect(page.Locator("#next-steps li.task")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("layout-02-field");

        // Point 13: the field inside a sentence is lower-case; one timeline entry is one.
        await session.GoAsync($"/outreach/compose?conversationId={conversationId}&template=built-in:request-cold-email");
        await Expect(page.Locator("textarea").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("reading about data analysis"));
        await session.ScreenshotAsync("layout-13-compose");
        await session.GoAsync($"/people/{contactId}/delete");
        await Expect(page.GetByText("1 timeline entry;")).ToBeVisibleAsync();
        await session.ScreenshotAsync("layout-13-counts");

        // Point 14: the setting, defaulted from the browser, and changed.
        await session.GoAsync("/account/profile");
        await Expect(page.GetByLabel("Month day, year")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("12-hour")).ToBeCheckedAsync();
        await session.ScreenshotAsync("layout-14-profile");
        await page.GetByLabel("Year-month-day").CheckAsync();
        await page.GetByLabel("24-hour").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await session.GoAsync($"/conversations/{conversationId}");
        await Expect(page.Locator("section[aria-labelledby=meeting-heading]")).ToContainTextAsync("2026-11-26, 14:30");
        Assert.Empty(session.Problems);
    }
}
