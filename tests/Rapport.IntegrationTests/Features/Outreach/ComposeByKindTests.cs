using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Outreach;

/// <summary>Each kind of message with its own checks and fields; unfilled fields asked about before they
/// are logged; the template picker; a referral's "Write it".</summary>
public class ComposeByKindTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static List<string> Rules(HtmlPage page) =>
        page.Document.QuerySelectorAll("#email-check li strong").Select(s => s.TextContent.TrimStart('✓', '✗', '•', ' ')).ToList();

    private static string BodyOf(HtmlPage page) => page.Document.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value;

    [Fact]
    public async Task Unfilled_fields_are_the_first_check_and_marking_sent_asks_first_then_stores_exactly_what_was_sent()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        var first = page.Document.QuerySelector("#email-check li")!;
        Assert.Equal("serious", first.ClassName);
        Assert.Contains(MessageChecks.UnfilledRule, first.TextContent);
        Assert.Contains("[me.introduction]", first.TextContent);
        Assert.Contains("[me.introduction]", BodyOf(page));

        var asked = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(page, "form.compose", new() { ["Channel"] = "Email" }), "");
        Assert.Equal(HttpStatusCode.OK, asked.Response.StatusCode);
        Assert.Contains("[me.introduction]", asked.Document.QuerySelector(".unfilled-confirm")!.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.CountAsync()));

        var sent = BodyOf(asked);
        var done = await user.Client.SubmitAsync(asked, "form.compose", new() { ["SendAsItIs"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(sent, await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.Select(a => a.Body).SingleAsync()));
    }

    [Fact]
    public async Task A_filled_message_is_marked_sent_without_a_question()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        var done = await user.Client.SubmitAsync(page, "form.compose", new() { ["Body"] = "Dear Amara, may I ask about your path into UX research?" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    [Fact]
    public async Task A_thank_you_has_its_own_checks_and_fields_and_the_private_note_goes_in_only_when_picked()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        const string note = "Portfolios matter less than case studies; she found her manager difficult";
        await _app.WithDbAsync(user.Id, async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id);
            conversation.Stage = ConversationStage.Held;
            conversation.MeetingStartUtc = _app.Clock.GetUtcNow().UtcDateTime.AddHours(-2);
            conversation.Learned = note;
            return await db.SaveChangesAsync();
        });
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        Assert.Equal("built-in:thank-you-email", page.Document.QuerySelector("input[name=Template]")!.GetAttribute("value"));
        var rules = Rules(page);
        Assert.Equal([MessageChecks.UnfilledRule, ThankYouCheck.SpecificRule, ThankYouCheck.InTimeRule, ThankYouCheck.NoAskRule], rules);
        Assert.Null(page.Document.QuerySelector("input[name=availability]"));
        Assert.DoesNotContain("Portfolios", BodyOf(page));
        Assert.NotNull(page.Document.QuerySelector("textarea[name=learned]"));

        var typed = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:thank-you-email&learned=your%20advice%20to%20write%20case%20studies");
        Assert.Contains("your advice to write case studies", BodyOf(typed));
        Assert.DoesNotContain("Portfolios", BodyOf(typed));

        var picked = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:thank-you-email&useNote=true");
        Assert.Contains(note, BodyOf(picked));
    }

    [Fact]
    public async Task The_template_picker_fills_on_change_keeps_a_use_this_template_button_without_javascript_and_a_linkedin_note_has_no_subject()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}");
        var picker = page.Document.QuerySelector("form.template-picker")!;
        Assert.Contains("change", picker.GetAttribute("hx-trigger"));
        Assert.Contains("Use this template", picker.QuerySelector("noscript")!.InnerHtml);
        Assert.DoesNotContain("Fill in", picker.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#Subject"));

        var note = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:linkedin-invitation-note");
        Assert.Null(note.Document.QuerySelector("#Subject"));
        var done = await user.Client.SubmitAsync(note, "form.compose", new() { ["Channel"] = "LinkedIn", ["Subject"] = "Smuggled", ["SendAsItIs"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null(await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.Select(a => a.Subject).SingleAsync()));
    }

    [Fact]
    public async Task A_linkedin_note_or_a_call_script_offers_no_mail_link_though_the_contact_has_an_email_address()
    {
        var (user, contactId, _, id) = await ConversationTests.PlannedAsync(_app);
        await _app.WithDbAsync(user.Id, async db =>
        {
            var contact = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.Id == contactId);
            contact.Emails.Add(new ContactEmail { Address = "amara@example.com", NormalizedAddress = "amara@example.com" });
            return await db.SaveChangesAsync();
        });
        var email = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:request-cold-email");
        Assert.Equal("Open in my mail app", email.Document.QuerySelector(".send-actions a[href^='mailto:']")!.TextContent);

        foreach (var template in new[] { "linkedin-invitation-note", "phone-call-script", "voicemail-script" })
        {
            var page = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:{template}");
            var actions = page.Document.QuerySelector(".send-actions")!;
            Assert.Null(actions.QuerySelector("a[href^='mailto:'], [data-mailto]"));
            Assert.DoesNotContain("mail", actions.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(actions.QuerySelector("[data-copy='#Body']"));
        }

        // Checking edits without JavaScript redraws the page: still no mail link for the note.
        var note = await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}&template=built-in:linkedin-invitation-note");
        var checkedNote = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(note, "form.compose", new() { ["Body"] = "Hi Amara, could we talk for 20 minutes? Sam" },
            submitter: "button[formaction*='handler=Check']"), "");
        Assert.Null(checkedNote.Document.QuerySelector("a[href^='mailto:']"));
    }

    [Fact]
    public async Task The_template_editor_shows_no_subject_for_a_linkedin_note_a_call_a_voicemail_or_a_card_and_keeps_none()
    {
        var user = await _app.SignUpAsync();
        static IElement SubjectField(HtmlPage page) => page.Document.QuerySelector("#Input_Subject")!.Closest("[data-subject-field]")!;

        Assert.False(SubjectField(await user.Client.GetPageAsync("/templates?edit=built-in:request-cold-email")).HasAttribute("hidden"));
        Assert.True(SubjectField(await user.Client.GetPageAsync("/templates?edit=built-in:linkedin-invitation-note")).HasAttribute("hidden"));
        Assert.True(SubjectField(await user.Client.GetPageAsync("/templates?edit=built-in:phone-call-script")).HasAttribute("hidden"));

        var blank = await user.Client.GetPageAsync("/templates?edit=new");
        Assert.False(SubjectField(blank).HasAttribute("hidden"));
        foreach (var channel in new[] { Channel.LinkedIn, Channel.Phone, Channel.Voicemail, Channel.Card, Channel.Email })
        {
            var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(blank, "form[action*='handler=Save']", new()
            {
                ["Input.Name"] = $"By {channel}", ["Input.Channel"] = channel.ToString(),
                ["Input.Subject"] = "About {{field.name}}", ["Input.Body"] = "Hi {{contact.first_name}}, could we talk?",
            }));
            Assert.Contains("is saved", saved.Status);
            var stored = await _app.WithDbAsync(user.Id, db => db.OwnTemplates.Where(t => t.Name == $"By {channel}").Select(t => t.Subject).SingleAsync());
            var preview = saved.Document.QuerySelector(".preview")!.TextContent;
            if (channel == Channel.Email)
            {
                Assert.Equal("About {{field.name}}", stored);
                Assert.False(SubjectField(saved).HasAttribute("hidden"));
                Assert.Contains("About urban planning", preview);
            }
            else
            {
                Assert.Null(stored);
                Assert.True(SubjectField(saved).HasAttribute("hidden"));
                Assert.DoesNotContain("About", preview);
            }
        }
    }

    [Fact]
    public async Task A_referral_task_has_write_it_which_opens_the_referral_request_naming_the_career_field()
    {
        var (user, _, fieldId, id) = await ConversationTests.PlannedAsync(_app);
        var hold = await user.Client.GetPageAsync($"/conversations/{id}/hold");
        hold = await user.Client.FollowAsync(await user.Client.SubmitAsync(hold, "form[action*='handler=Referral']", new() { ["firstName"] = "Grace", ["lastName"] = "Mensah" }));
        await user.Client.SubmitAsync(hold, "form[action*='handler=End']", []);
        var grace = await _app.WithDbAsync(user.Id, db => db.Contacts.Include(c => c.Fields).SingleAsync(c => c.FirstName == "Grace"));
        Assert.Equal([fieldId], grace.Fields.Select(f => f.CareerFieldId));
        await _app.WithDbAsync(user.Id, async db =>
        {
            var contact = await db.Contacts.Include(c => c.Emails).SingleAsync(c => c.Id == grace.Id);
            contact.Emails.Add(new ContactEmail { Address = "grace@example.com", NormalizedAddress = "grace@example.com" });
            return await db.SaveChangesAsync();
        });

        var tasks = await user.Client.GetPageAsync("/follow-ups");
        var writeIt = tasks.Document.QuerySelectorAll(".task-contactreferral a").Single(a => a.TextContent == "Write it").GetAttribute("href")!;
        var compose = await user.Client.GetPageAsync(writeIt);
        Assert.Equal("Write to Grace Mensah", compose.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("built-in:request-referral-email", compose.Document.QuerySelector("input[name=Template]")!.GetAttribute("value"));
        Assert.Contains("your work in UX research", BodyOf(compose));
        Assert.DoesNotContain("[field.name]", BodyOf(compose));
        Assert.Contains("Amara Okafor suggested", compose.Document.QuerySelector<IHtmlInputElement>("#Subject")!.Value);

        await user.Client.SubmitAsync(compose, "form.compose", new() { ["SendAsItIs"] = "true" });
        Assert.True(await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.AnyAsync(t => t.Kind == TaskKind.ContactReferral && t.DoneAtUtc != null)));
    }
}
