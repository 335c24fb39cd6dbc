using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>Writing messages: a template fills as it is picked, unfilled fields are asked about before
/// the message leaves, a thank-you is checked as a thank-you and keeps the private note out, and a
/// referral's task opens the referral request.</summary>
public class MessageJourneyTests
{
    [Fact]
    public async Task Templates_fill_when_picked_unfilled_fields_are_asked_about_a_thank_you_has_its_own_checks_and_a_referral_is_written_from_its_task()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var page = session.Page;
        var owner = await session.App.SignInOwnerAsync();
        var fieldId = await session.App.WithDbAsync(owner.Id, async db =>
        {
            var field = new CareerField();
            field.Rename("UX research");
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        var amara = await session.App.AddContactAsync(owner.Id, "Amara", "Okafor", "Riverside Health", c =>
        {
            c.Fields.Add(new ContactField { CareerFieldId = fieldId });
            c.Emails.Add(new ContactEmail { Address = "amara@example.com", NormalizedAddress = "amara@example.com" });
        });
        // The conversation, held, with a referral and a private note, set up over HTTP: the screens under test are the messages.
        var planned = await owner.Client.SubmitAsync(await owner.Client.GetPageAsync($"/conversations/new?contactId={amara}"), "main form", new() { ["Goals"] = "DecideFit" });
        var id = int.Parse(planned.Headers.Location!.OriginalString.Split('/')[2]);
        var hold = await owner.Client.GetPageAsync($"/conversations/{id}/hold");
        hold = await owner.Client.FollowAsync(await owner.Client.SubmitAsync(hold, "form[action*='handler=Referral']", new() { ["firstName"] = "Grace", ["lastName"] = "Mensah" }));
        await owner.Client.SubmitAsync(hold, "form[action*='handler=End']", []);
        const string note = "Case studies count for more than a polished portfolio";
        await session.App.WithDbAsync(owner.Id, async db =>
        {
            (await db.Conversations.SingleAsync(c => c.Id == id)).Learned = note;
            return await db.SaveChangesAsync();
        });
        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        // Picking a template fills it at once; the no-script button is not there; a LinkedIn note has no subject.
        await session.GoAsync($"/outreach/compose?contactId={amara}");
        await Expect(page.Locator("#Subject")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use this template" })).ToHaveCountAsync(0);
        await page.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = "LinkedIn invitation note" });
        await Expect(page.Locator("#Body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Hi Amara, I found your profile while exploring UX research"));
        await Expect(page.Locator("#Subject")).ToHaveCountAsync(0);
        // Amara has an email address, but a LinkedIn note goes by no mail app; signed with a first name on the question's line, it still ends with its question.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open in my mail app" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#email-check li", new() { HasText = "Ends the request with a question" })).ToHaveClassAsync("pass");
        await session.ScreenshotAsync("messages-7");

        // Unfilled fields: the first check, in red; copying asks; marking sent asks, then logs exactly the text.
        await page.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = "Request by email, without a connection" });
        await Expect(page.Locator("#Body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\[me\.introduction\]"));
        var first = page.Locator("#email-check li").First;
        await Expect(first).ToContainTextAsync("Every field filled in");
        await Expect(first).ToHaveCSSAsync("color", "rgb(180, 35, 24)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the message" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the message" })).ToBeVisibleAsync();
        Assert.Contains(session.Problems, p => p.StartsWith("dialog: The message still has [me.introduction]", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as sent" }).ClickAsync();
        await Expect(page.Locator(".unfilled-confirm")).ToContainTextAsync("[me.introduction]");
        await session.ScreenshotAsync("messages-3");
        var sent = await page.Locator("#Body").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark it sent as it is" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Logged");
        var stored = await session.App.WithDbAsync(owner.Id, db => db.OutreachAttempts.Select(a => a.Body).SingleAsync());
        Assert.Equal(sent.ReplaceLineEndings(), stored.ReplaceLineEndings());

        // A thank-you: its own checks and fields, and the private note only when picked.
        await session.GoAsync($"/outreach/compose?conversationId={id}");
        var checks = page.Locator("#email-check");
        await Expect(checks).ToContainTextAsync("Names something specific");
        await Expect(checks).ToContainTextAsync("Makes no new ask");
        await Expect(checks).Not.ToContainTextAsync("Says first how you found them");
        await Expect(page.GetByLabel("When you are free (for the message)")).ToHaveCountAsync(0);
        await Expect(page.Locator("#Body")).Not.ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Case studies"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Put my note \"What I learned\" in" }).ClickAsync();
        await Expect(page.Locator("#Body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(note));
        await Expect(checks.Locator("li").Nth(1)).ToHaveClassAsync("pass");
        await session.ScreenshotAsync("messages-5");

        // The referral's task: "Write it" opens the referral request to Grace, naming the field.
        await session.GoAsync("/follow-ups");
        await page.Locator(".task-contactreferral").GetByRole(AriaRole.Link, new() { Name = "Write it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Write to Grace Mensah");
        await Expect(page.Locator("#Body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Amara Okafor suggested I write to you about your work in UX research"));
        await session.ScreenshotAsync("messages-10");

        // The template editor: the subject field goes as soon as a channel without a subject line is picked.
        await session.GoAsync("/templates?edit=new");
        await Expect(page.GetByLabel("Subject")).ToBeVisibleAsync();
        await page.GetByLabel("Channel").SelectOptionAsync(new SelectOptionValue { Label = "LinkedIn message" });
        await Expect(page.GetByLabel("Subject")).ToBeHiddenAsync();
        await session.ScreenshotAsync("templates-7");
        await page.GetByLabel("Channel").SelectOptionAsync(new SelectOptionValue { Label = "Email" });
        await Expect(page.GetByLabel("Subject")).ToBeVisibleAsync();
        Assert.True(session.Problems.Count == 1, string.Join("\n", session.Problems));
    }
}
