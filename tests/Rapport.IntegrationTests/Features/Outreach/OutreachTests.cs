using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Outreach;

public class OutreachTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private async Task<(SignedInUser User, int ContactId, int ConversationId)> WithEmailAsync()
    {
        var (user, contactId, _, id) = await ConversationTests.PlannedAsync(_app);
        await _app.WithDbAsync(user.Id, async db =>
        {
            var contact = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.Id == contactId);
            contact.Emails.Add(new ContactEmail { Address = "amara@example.com", NormalizedAddress = "amara@example.com" });
            contact.AlumniOf = "State University";
            return await db.SaveChangesAsync();
        });
        return (user, contactId, id);
    }

    [Fact]
    public async Task A_request_is_filled_in_from_the_template_with_a_mail_link_and_the_email_check()
    {
        var (user, _, id) = await WithEmailAsync();
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&availability=Tuesday%20afternoons");
        var body = page.Document.QuerySelector("#Body")!.TextContent;
        Assert.Contains("Amara", body);
        Assert.DoesNotContain("{{", body);
        var mailto = page.Document.QuerySelector("a[href^='mailto:']")!.GetAttribute("href")!;
        Assert.StartsWith("mailto:amara@example.com?subject=", mailto);
        Assert.NotEmpty(page.Document.QuerySelectorAll("#email-check li"));
    }

    [Fact]
    public async Task Checking_edits_without_javascript_puts_them_in_the_mail_link_unless_too_long_for_one()
    {
        var (user, _, id) = await WithEmailAsync();
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        var edited = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(page, "form.compose", new() { ["Body"] = "Dear Amara, would you have 20 minutes?" },
            submitter: "button[formaction*='handler=Check']"), "");
        Assert.Contains("body=Dear%20Amara%2C%20would%20you%20have%2020%20minutes%3F", edited.Document.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));

        var tooLong = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(edited, "form.compose", new() { ["Body"] = string.Join(' ', Enumerable.Repeat("Dear Amara, thank you.", 120)) },
            submitter: "button[formaction*='handler=Check']"), "");
        Assert.Null(tooLong.Document.QuerySelector("a[href^='mailto:']"));
        Assert.Contains("Too long for a mail link", tooLong.Document.QuerySelector(".send-actions")!.TextContent);
        Assert.NotNull(tooLong.Document.QuerySelector("[data-copy='#Body']"));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.CountAsync()));
    }

    [Fact]
    public async Task A_missing_value_shows_a_visible_placeholder_and_is_named()
    {
        var (user, _, id) = await WithEmailAsync();
        var template = BuiltInTemplates.All.First(t => MessageTemplate.FieldsUsed(t.Body).Contains("promise.text"));
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:{template.Key}");
        Assert.Contains("[promise.text]", page.Document.QuerySelector("#Body")!.TextContent);
        Assert.Contains("{{promise.text}}", page.Document.QuerySelector(".problem")!.TextContent);
    }

    [Fact]
    public async Task Marking_a_request_sent_logs_it_moves_the_stage_and_starts_the_reply_watch()
    {
        var (user, contactId, id) = await WithEmailAsync();
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        var done = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Sent']", new() { ["Channel"] = "Email", ["SendAsItIs"] = "true" }));
        Assert.Contains("now requested", done.Status);
        var attempt = await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.SingleAsync());
        Assert.Equal((contactId, id, Channel.Email, TemplatePurpose.Request), (attempt.ContactId, attempt.ConversationId, attempt.Channel, attempt.Purpose));
        var tasks = await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Select(t => t.Kind).ToListAsync());
        Assert.Contains(TaskKind.FollowUpNoReply, tasks);
        Assert.Contains(TaskKind.NudgeSecondPerson, tasks);
        var contactPage = await user.Client.GetPageAsync($"/people/{contactId}");
        Assert.Contains("Request for a conversation sent (email)", contactPage.Document.QuerySelector(".timeline")!.TextContent);

        // A reply closes the chase: the open follow-up and nudge are no longer wanted.
        var details = await user.Client.GetPageAsync($"/conversations/{id}");
        var schedule = await user.Client.SubmitAsync(details, "form[action*='handler=Reply'][action*='kind=Accepted']", []);
        Assert.Equal($"/conversations/{id}/schedule", schedule.Headers.Location!.OriginalString);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.CountAsync(t => t.DoneAtUtc == null && t.DismissedAtUtc == null
            && (t.Kind == TaskKind.FollowUpNoReply || t.Kind == TaskKind.NudgeSecondPerson))));
    }

    [Fact]
    public async Task A_linkedin_note_over_the_limit_is_refused_when_marked_sent()
    {
        var (user, _, id) = await WithEmailAsync();
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        var response = await user.Client.SubmitAsync(page, "form[action*='handler=Sent']", new() { ["Channel"] = "LinkedIn", ["Body"] = new string('x', 201) });
        var refused = await HtmlPage.ReadAsync(response, "");
        Assert.Contains("at most 200 characters", refused.ErrorFor("Body"));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.CountAsync()));
    }

    [Fact]
    public async Task A_premium_account_may_send_a_linkedin_note_of_up_to_300_characters()
    {
        var (user, _, id) = await WithEmailAsync();
        var rules = await user.Client.GetPageAsync("/account/rules");
        await user.Client.SubmitAsync(rules, "main form", new() { ["Input.LinkedInPremium"] = "true" });

        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        Assert.Contains("of 300 LinkedIn allows", (await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:linkedin-invitation-note")).Text);
        var refused = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Sent']", new() { ["Channel"] = "LinkedIn", ["Body"] = new string('x', 301) }), "");
        Assert.Contains("at most 300 characters", refused.ErrorFor("Body"));
        var sent = await user.Client.SubmitAsync(page, "form[action*='handler=Sent']", new() { ["Channel"] = "LinkedIn", ["Body"] = new string('x', 250) });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(250, await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.Select(a => a.Body.Length).SingleAsync()));
    }

    [Fact]
    public async Task A_template_naming_an_unknown_field_is_refused_with_the_field_named()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/templates?edit=new");
        var response = await user.Client.SubmitAsync(page, "form[action*='handler=Save']", new()
        {
            ["Input.Name"] = "Sneaky", ["Input.Body"] = "Hi {{contact.first_name}}, {{User.PasswordHash}}",
        });
        var refused = await HtmlPage.ReadAsync(response, "");
        Assert.Contains("{{User.PasswordHash}}", refused.ErrorFor("Input.Body"));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.OwnTemplates.CountAsync()));

        var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Save']", new()
        {
            ["Input.Name"] = "Short note", ["Input.Body"] = "Hi {{contact.first_name}}, could we talk for {{meeting.length}}?",
        }));
        Assert.Contains("is saved", saved.Status);
        Assert.Contains("could we talk for 30 minutes?", saved.Document.QuerySelector(".preview-body")!.TextContent);
    }

    [Fact]
    public async Task A_value_that_looks_like_a_field_stays_literal_and_subjects_stay_on_one_line()
    {
        var (user, contactId, id) = await WithEmailAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
            contact.FirstName = "{{me.full_name}}\r\nBcc: victim@example.com";
            return await db.SaveChangesAsync();
        });
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        var subject = page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Subject")?.Value ?? "";
        Assert.DoesNotContain("\n", subject);
        Assert.Contains("{{me.full_name}}", page.Document.QuerySelector("#Body")!.TextContent);
    }
}
