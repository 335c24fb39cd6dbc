using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Insights;

/// <summary>The insights page against figures counted by hand: an empty account, a one-request account, a small
/// account made row by row, and the sample account (counted from the story DemoData tells). The clock stands at
/// Friday 27 November 2026, 15:00 UTC; test people live in Berlin.</summary>
public class InsightsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static DateTime Utc(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    /// <summary>The rows of a chart's table, as the person reads them.</summary>
    private static List<string[]> Table(HtmlPage page, string chart) =>
        page.Document.QuerySelectorAll($"details[data-chart='{chart}'] tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static Contact AddPerson(RapportDb db, string first, ContactSource source, Contact? referrer)
    {
        var c = new Contact { FirstName = first, LastName = "Test", Source = source, ReferredBy = referrer };
        c.RefreshSearch(null);
        db.Contacts.Add(c);
        return c;
    }

    private static string Text(HtmlPage page, string selector) => page.Document.QuerySelector(selector)!.TextContent.Trim();

    [Fact]
    public async Task An_empty_account_says_what_to_do_first_and_draws_no_chart()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/insights");
        Assert.Equal("Nothing to learn from yet", Text(page, "#empty-insights"));
        Assert.Equal("/people/new", page.Document.QuerySelector(".empty-state a[role=button]")!.GetAttribute("href"));
        Assert.Empty(page.Document.QuerySelectorAll("svg.chart"));
    }

    [Fact]
    public async Task A_single_request_sent_from_a_template_counts_once_everywhere_and_names_its_template()
    {
        var user = await _app.SignUpAsync();
        var contactId = await _app.AddContactAsync(user.Id, "Amara", "Okafor", more: c => c.Source = ContactSource.Friend);
        var conversationId = await _app.WithDbAsync(user.Id, async db =>
        {
            var conversation = new Conversation { ContactId = contactId, StageChangedAtUtc = Utc(11, 20) };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });
        // Sent as a person would, from the composer, with a template chosen: the message keeps it.
        var compose = await user.Client.GetPageAsync($"/outreach/compose?conversationId={conversationId}&template=built-in:request-cold-email");
        await user.Client.SubmitAsync(compose, "form[action*='handler=Sent']", new() { ["Channel"] = "Email", ["SendAsItIs"] = "true" });
        Assert.Equal("built-in:request-cold-email", await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.Select(a => a.TemplateKey).SingleAsync()));

        var page = await user.Client.GetPageAsync("/insights");
        Assert.Equal([["Requests sent", "1", "–"], ["Replied", "0", "0%"], ["Scheduled", "0", "–"], ["Held", "0", "–"], ["Thanked", "0", "–"]],
            Table(page, "funnel-chart"));
        Assert.Equal([["Friend", "0%", "1", "0", "–"]], Table(page, "by-source-chart"));
        Assert.Equal([["Email", "0%", "1", "0", "–"]], Table(page, "by-channel-chart"));
        Assert.Equal([["Request by email, without a connection", "0%", "1", "0", "–"]], Table(page, "by-template-chart"));
        Assert.Equal(["Nov 23", "1"], Table(page, "weekly-chart")[^1]);
        Assert.Equal(["Nov 2026", "1", "0", "0"], Table(page, "growth-chart")[^1]);
        Assert.Contains("Nobody has been referred to you yet", Text(page, "#referral-summary"));
    }

    [Fact]
    public async Task People_brought_in_by_a_linkedin_or_vcard_import_grow_the_network_as_imported()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Typed", "In");
        var import = await user.Client.GetPageAsync("/import");
        var linkedIn = await user.Client.FollowAsync(await user.Client.UploadAsync(import, "form[action*='handler=LinkedIn']", "Connections.csv",
            Uploads.ConnectionsCsv("Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,15 Mar 2024",
                "Grace,Hopper,https://www.linkedin.com/in/gracehopper,,US Navy,Admiral,07 Dec 2025")));
        await user.Client.SubmitAsync(linkedIn, "main form:not([action*='Cancel'])", []);
        var vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Katherine Johnson\r\nN:Johnson;Katherine;;;\r\nEND:VCARD\r\n"u8.ToArray();
        import = await user.Client.GetPageAsync("/import");
        var fromVCard = await user.Client.FollowAsync(await user.Client.UploadAsync(import, "form[action*='handler=VCard']", "contacts.vcf", vcard));
        await user.Client.SubmitAsync(fromVCard, "main form:not([action*='Cancel'])", []);
        Assert.Equal(4, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));

        var page = await user.Client.GetPageAsync("/insights");
        Assert.Equal(["Nov 2026", "1", "3", "0"], Table(page, "growth-chart")[^1]);
    }

    [Fact]
    public async Task The_growth_follows_each_person_added_referred_or_put_in_the_trash_at_the_next_look()
    {
        // The months' counts are remembered between views (like the people count): every change that moves them must
        // show at once, not a minute later.
        var user = await _app.SignUpAsync();
        async Task<string[]> Growth() => Table(await user.Client.GetPageAsync("/insights?days=365"), "growth-chart")[^1];
        var ada = await _app.AddContactAsync(user.Id, "Ada", "Lovelace");
        Assert.Equal(["Nov 2026", "1", "0", "0"], await Growth());

        var ben = await _app.AddContactAsync(user.Id, "Ben", "Okafor");
        Assert.Equal(["Nov 2026", "2", "0", "0"], await Growth());

        await _app.WithDbAsync(user.Id, async db =>
        {
            (await db.Contacts.SingleAsync(c => c.Id == ben)).ReferredById = ada;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["Nov 2026", "1", "0", "1"], await Growth());

        // Through the page, as a person puts someone in the trash.
        var confirm = await user.Client.GetPageAsync($"/people/{ada}/delete");
        await user.Client.SubmitAsync(confirm, "main form", []);
        Assert.Equal(["Nov 2026", "0", "0", "1"], await Growth());
    }

    [Fact]
    public async Task What_is_in_the_trash_counts_nowhere_and_a_message_stays_with_its_contact_when_only_the_conversation_goes()
    {
        var user = await _app.SignUpAsync();
        var fieldId = await _app.WithDbAsync(user.Id, async db =>
        {
            var field = new CareerField();
            field.Rename("Design");
            db.CareerFields.Add(field);
            Contact Person(string first, ContactSource source, Contact? referrer = null) => AddPerson(db, first, source, referrer);
            Conversation Held(Contact who, int day, int fit)
            {
                var c = new Conversation { Contact = who, Stage = ConversationStage.Held, MeetingStartUtc = Utc(11, day), StartedAtUtc = Utc(11, day), FitRating = fit };
                c.Fields.Add(new ConversationField { CareerField = field });
                db.Conversations.Add(c);
                return c;
            }
            var ada = Person("Ada", ContactSource.Alumni);
            var ben = Person("Ben", ContactSource.Friend);
            var tom = Person("Tom", ContactSource.Cold, ada);
            var withAda = Held(ada, 10, 4);
            var withBen = Held(ben, 13, 2);
            var withTom = Held(tom, 12, 1);
            withAda.Referrals.Add(new Referral { Contact = tom, MayUseName = NameUse.Yes, CreatedAtUtc = Utc(11, 10) });
            await db.SaveChangesAsync();
            foreach (var (c, sent, answered) in new[] { (withAda, 2, 4), (withTom, 3, 5), (withBen, 9, 11) })
            {
                db.OutreachAttempts.Add(new OutreachAttempt
                {
                    ContactId = c.ContactId, ConversationId = c.Id, Channel = Channel.Email, Purpose = TemplatePurpose.Request, Body = "Hello", SentAtUtc = Utc(11, sent),
                });
                db.Replies.Add(new Reply { ContactId = c.ContactId, ConversationId = c.Id, Kind = ReplyKind.Accepted, AtUtc = Utc(11, answered) });
            }
            // Tom goes to the trash with his conversation, as deleting a person does; Ben keeps his, but not the conversation.
            tom.DeletedAtUtc = withTom.DeletedAtUtc = withBen.DeletedAtUtc = Utc(11, 20);
            await db.SaveChangesAsync();
            return field.Id;
        });

        var page = await user.Client.GetPageAsync("/insights");
        // Ben's request was sent and stays on him, so it counts; his answer was in the conversation now in the trash.
        Assert.Equal([["Requests sent", "2", "–"], ["Replied", "1", "50%"], ["Scheduled", "1", "100%"], ["Held", "1", "100%"], ["Thanked", "0", "0%"]],
            Table(page, "funnel-chart"));
        Assert.Equal([["Alumni", "100%", "1", "1", "2"], ["Friend", "0%", "1", "0", "–"]], Table(page, "by-source-chart"));
        Assert.Equal([["Nov 2", "1"], ["Nov 9", "1"], ["Nov 16", "0"], ["Nov 23", "0"]], Table(page, "weekly-chart")[^4..]);
        Assert.Equal(["Nov 2026", "2", "0", "0"], Table(page, "growth-chart")[^1]);
        Assert.Contains("Nobody has been referred to you yet", Text(page, "#referral-summary"));
        Assert.Equal("1", Table(page, "held-chart").Single()[1]);
        Assert.Equal([["Nov 2026", "4", "1"]], Table(page, $"fit-{fieldId}"));
    }

    [Fact]
    public async Task A_small_account_shows_the_figures_counted_by_hand_and_another_person_sees_none_of_them()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.WeeklyRequestGoal, 1));
            var field = new CareerField();
            field.Rename("UX research");
            field.OpenQuestions.Add(new OpenQuestion { Text = "Answered in October", Answer = "Yes", AnsweredAtUtc = Utc(10, 10) });
            field.OpenQuestions.Add(new OpenQuestion { Text = "Still open" });
            db.CareerFields.Add(field);
            Contact Person(string first, ContactSource source, Contact? referrer = null) => AddPerson(db, first, source, referrer);
            var ada = Person("Ada", ContactSource.Alumni);
            var ben = Person("Ben", ContactSource.Alumni);
            var cleo = Person("Cleo", ContactSource.Cold);
            var dan = Person("Dan", ContactSource.Referral, ada);
            Person("Eve", ContactSource.Referral, dan);
            var fay = Person("Fay", ContactSource.LinkedIn);
            fay.Imported = true;
            fay.Events.Add(new ContactEvent { Kind = ContactEventKind.Imported, OccurredAtUtc = Utc(11, 27), Text = "Imported from LinkedIn" });
            var held = new Conversation { Contact = ada, Stage = ConversationStage.Held, MeetingStartUtc = Utc(11, 10), StartedAtUtc = Utc(11, 10), FitRating = 3 };
            held.Fields.Add(new ConversationField { CareerField = field });
            held.Referrals.Add(new Referral { Contact = dan, MayUseName = NameUse.Yes, CreatedAtUtc = Utc(11, 10) });
            var declined = new Conversation { Contact = ben, Stage = ConversationStage.Declined };
            var waiting = new Conversation { Contact = cleo, Stage = ConversationStage.Requested };
            db.Conversations.AddRange(held, declined, waiting);
            await db.SaveChangesAsync();
            void Sent(Conversation c, Channel channel, DateTime at, string? template) => db.OutreachAttempts.Add(new OutreachAttempt
            {
                ContactId = c.ContactId, ConversationId = c.Id, Channel = channel, Purpose = TemplatePurpose.Request, Body = "Hello", SentAtUtc = at, TemplateKey = template,
            });
            Sent(held, Channel.Email, Utc(11, 2), "built-in:request-alumni-email");   // Monday; accepted on Wednesday: 2 business days
            Sent(declined, Channel.LinkedIn, Utc(11, 17), null);                        // Tuesday; declined the Tuesday after: 5
            Sent(waiting, Channel.Email, Utc(11, 20), null);                            // Friday; no answer
            db.Replies.Add(new Reply { ContactId = ada.Id, ConversationId = held.Id, Kind = ReplyKind.Accepted, AtUtc = Utc(11, 4) });
            db.Replies.Add(new Reply { ContactId = ben.Id, ConversationId = declined.Id, Kind = ReplyKind.Declined, AtUtc = Utc(11, 24) });
            await db.SaveChangesAsync();
            // Cleo was added in October (the save stamps "now"; the stamp is moved back as an older account would have it).
            return await db.Contacts.Where(c => c.Id == cleo.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, Utc(10, 5)));
        });

        var page = await user.Client.GetPageAsync("/insights");
        Assert.Equal([["Requests sent", "3", "–"], ["Replied", "2", "67%"], ["Scheduled", "1", "50%"], ["Held", "1", "100%"], ["Thanked", "0", "0%"]],
            Table(page, "funnel-chart"));
        Assert.Equal([["Alumni", "100%", "2", "2", "3.5"], ["Cold contact", "0%", "1", "0", "–"]], Table(page, "by-source-chart"));
        Assert.Equal([["Email", "50%", "2", "1", "2"], ["LinkedIn message", "100%", "1", "1", "5"]], Table(page, "by-channel-chart"));
        Assert.Equal([["No template", "50%", "2", "1", "5"], ["Request by email to a fellow alum", "100%", "1", "1", "2"]], Table(page, "by-template-chart"));

        var weeks = Table(page, "weekly-chart");
        Assert.Equal(12, weeks.Count);
        Assert.Equal([["Nov 2", "1"], ["Nov 9", "0"], ["Nov 16", "2"], ["Nov 23", "0"]], weeks[^4..]);
        // This week (0 so far) does not break the streak: last week met the goal of 1, the week before did not.
        Assert.Contains("Current streak: 1 week in a row", Text(page, "#streak"));

        Assert.Equal([["Aug 2026", "0", "0", "0"], ["Sep 2026", "0", "0", "0"], ["Oct 2026", "1", "0", "0"], ["Nov 2026", "2", "1", "2"]], Table(page, "growth-chart"));

        Assert.Equal("2 people came through someone else; the longest chain is 2 steps deep; 1 referrer allowed you to use their name.", Text(page, "#referral-summary"));
        var ada = page.Document.QuerySelector(".referral-tree > li")!;
        Assert.StartsWith("Ada Test", ada.TextContent.Trim());
        Assert.Equal("Dan Test", ada.QuerySelector("ul")!.QuerySelector("a")!.TextContent);
        Assert.Equal("Eve Test", ada.QuerySelector("ul")!.QuerySelector("ul")!.QuerySelector("a")!.TextContent);
        foreach (var person in page.Document.QuerySelectorAll(".referral-tree li"))
            Assert.Equal($"/people/{person.GetAttribute("data-contact")}", person.QuerySelector("a")!.GetAttribute("href"));

        Assert.Equal([["UX research", "1", "1", "1"]], Table(page, "held-chart"));
        var fieldId = await _app.WithDbAsync(user.Id, db => db.CareerFields.Select(f => f.Id).SingleAsync());
        Assert.Equal([["Aug 2026", "0"], ["Sep 2026", "0"], ["Oct 2026", "1"], ["Nov 2026", "1"]], Table(page, $"answered-{fieldId}"));
        Assert.Equal([["Nov 2026", "3", "1"]], Table(page, $"fit-{fieldId}"));

        // A chosen period counts only what it holds: the week of 16 November had two requests, one answered.
        var week = await user.Client.GetPageAsync("/insights?From=2026-11-16&To=2026-11-22");
        Assert.Equal(["Requests sent", "2", "–"], Table(week, "funnel-chart")[0]);
        Assert.Equal(["Replied", "1", "50%"], Table(week, "funnel-chart")[1]);
        Assert.Equal([["Nov 2026", "0", "0", "0"]], Table(week, "growth-chart"));

        var other = await _app.SignUpAsync();
        Assert.NotNull((await other.Client.GetPageAsync("/insights")).Document.QuerySelector("#empty-insights"));
    }

    [Theory]
    [InlineData("?From=2026-11-20&To=2026-11-01", "To", "The period ends before it starts")]
    [InlineData("?From=2026-13-45&To=2026-11-01", "From", "\"2026-13-45\" is not a date")]
    [InlineData("?From=yesterday&To=2026-11-01", "From", "\"yesterday\" is not a date")]
    [InlineData("?From=2026-11-01&To=", "To", "Choose the last day of the period")]
    [InlineData("?From=1990-01-01&To=2026-11-01", "To", "at most 5 years")]
    [InlineData("?days=7", "Days", "Choose one of the periods offered")]
    public async Task A_period_that_cannot_be_shown_is_named_beside_its_field_and_no_figures_are_shown(string query, string field, string message)
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Amara");
        var page = await user.Client.GetPageAsync("/insights" + query, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(message, page.ErrorFor(field));
        Assert.Empty(page.Document.QuerySelectorAll("svg.chart"));
        Assert.NotNull(page.Document.QuerySelector("#no-figures"));
    }

    [Fact]
    public async Task The_sample_account_shows_the_figures_its_story_holds()
    {
        var user = await _app.SignUpAsync();
        await _app.Services.GetRequiredService<IServiceScopeFactory>().RunOutsideRequestAsync(user.Id, services => services.GetRequiredService<DemoData>().AddSampleContactsAsync());
        var page = await user.Client.GetPageAsync("/insights");

        // Four requests (Amara, Daniel, Fatima, Hannah); Amara and Daniel accepted, Hannah declined; Daniel is scheduled,
        // Amara's conversation held, none thanked yet.
        Assert.Equal([["Requests sent", "4", "–"], ["Replied", "3", "75%"], ["Scheduled", "2", "67%"], ["Held", "1", "50%"], ["Thanked", "0", "0%"]],
            Table(page, "funnel-chart"));
        // Sent 12, 10, 6 and 20 days before Friday 27 November: Sunday the 15th (answered Monday: 1 business day), Tuesday the
        // 17th (answered the Tuesday after: 5), Saturday the 21st (no answer), Saturday the 7th (declined on Sunday: 0).
        Assert.Equal([["Alumni", "100%", "2", "2", "2.5"], ["Professional association", "100%", "1", "1", "1"], ["Professor", "0%", "1", "0", "–"]],
            Table(page, "by-source-chart"));
        Assert.Equal([["Email", "67%", "3", "2", "0.5"], ["LinkedIn message", "100%", "1", "1", "5"]], Table(page, "by-channel-chart"));
        Assert.Equal([["No template", "75%", "4", "3", "1"]], Table(page, "by-template-chart"));
        Assert.Equal([["Nov 2", "1"], ["Nov 9", "1"], ["Nov 16", "2"], ["Nov 23", "0"]], Table(page, "weekly-chart")[^4..]);
        Assert.Contains("Your goal is 3 requests a week. Current streak: 0 weeks", Text(page, "#streak"));
        // 24 people, all added when the sample was loaded: Grace, Lukas, Mohammed and Zoë were referred.
        Assert.Equal(["Nov 2026", "20", "0", "4"], Table(page, "growth-chart")[^1]);
        Assert.Equal("4 people came through someone else; the longest chain is 1 step deep; 1 referrer allowed you to use their name.", Text(page, "#referral-summary"));
        Assert.Equal([["Data analysis", "0", "0", "2"], ["UX research", "1", "0", "3"], ["Urban planning", "0", "0", "1"]], Table(page, "held-chart"));
        var ux = await _app.WithDbAsync(user.Id, db => db.CareerFields.Where(f => f.Name == "UX research").Select(f => f.Id).SingleAsync());
        Assert.Equal([["Nov 2026", "4", "1"]], Table(page, $"fit-{ux}"));
    }

    [Fact]
    public async Task Each_chart_s_table_holds_the_same_numbers_as_its_picture()
    {
        var user = await _app.SignUpAsync();
        await _app.Services.GetRequiredService<IServiceScopeFactory>().RunOutsideRequestAsync(user.Id, services => services.GetRequiredService<DemoData>().AddSampleContactsAsync());
        var page = await user.Client.GetPageAsync("/insights?days=365");
        var charts = page.Document.QuerySelectorAll("svg.chart");
        Assert.True(charts.Length >= 8, $"only {charts.Length} charts");
        foreach (var svg in charts)
        {
            var id = svg.Id!;
            Assert.Equal($"{id}-title {id}-desc", svg.GetAttribute("aria-labelledby"));
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")?.TextContent));
            Assert.Null(svg.QuerySelector("[style]"));
            var table = page.Document.QuerySelector($"details[data-chart='{id}'] table")!;
            var headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent).ToList();
            var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
            if (svg.ClassList.Contains("column-chart"))
            {
                var columns = svg.QuerySelectorAll("g.column").ToList();
                Assert.Equal(rows.Select(r => r[0]), columns.Select(c => c.GetAttribute("data-label")));
                for (var i = 0; i < columns.Count; i++)
                    foreach (var piece in columns[i].QuerySelectorAll("rect[data-series]"))
                        Assert.Equal(rows[i][headers.IndexOf(piece.GetAttribute("data-series")!)], piece.GetAttribute("data-value"));
            }
            else
            {
                var marks = svg.QuerySelectorAll("g[data-value]").ToList();
                Assert.Equal(rows.Select(r => r[0]), marks.Select(m => m.GetAttribute("data-label")));
                // The table's value is the bar's or the point's, as the person reads it ("75%", "3 · 75%" on the bar).
                Assert.Equal(rows.Select(r => r[1].Split(' ')[0].TrimEnd('%')), marks.Select(m => m.GetAttribute("data-value")));
            }
        }
    }

    [Fact]
    public async Task Months_and_weeks_are_the_persons_own_and_the_period_cuts_its_first_month()
    {
        // Berlin is an hour ahead of UTC from 25 October: 31 October 23:30 UTC is already 1 November there, and
        // Sunday 22 November 23:30 UTC is already Monday 23 November.
        var user = await _app.SignUpAsync();
        var early = await _app.AddContactAsync(user.Id, "Before", "Period");
        var october = await _app.AddContactAsync(user.Id, "Late", "October");
        var november = await _app.AddContactAsync(user.Id, "Early", "November");
        await _app.WithDbAsync(user.Id, async db =>
        {
            await db.Contacts.Where(c => c.Id == early).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, Utc(10, 1)));
            await db.Contacts.Where(c => c.Id == october).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, new DateTime(2026, 10, 31, 22, 30, 0, DateTimeKind.Utc)));
            await db.Contacts.Where(c => c.Id == november).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, new DateTime(2026, 10, 31, 23, 30, 0, DateTimeKind.Utc)));
            db.OutreachAttempts.Add(new OutreachAttempt
            {
                ContactId = october, Channel = Channel.Email, Purpose = TemplatePurpose.Request, Body = "Hello", SentAtUtc = new DateTime(2026, 11, 22, 22, 30, 0, DateTimeKind.Utc),
            });
            db.OutreachAttempts.Add(new OutreachAttempt
            {
                ContactId = november, Channel = Channel.Email, Purpose = TemplatePurpose.Request, Body = "Hello", SentAtUtc = new DateTime(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc),
            });
            return await db.SaveChangesAsync();
        });

        var page = await user.Client.GetPageAsync("/insights?From=2026-10-15&To=2026-11-27");
        // The contact added on 1 October is before the period, though in its first month.
        Assert.Equal([["Oct 2026", "1", "0", "0"], ["Nov 2026", "1", "0", "0"]], Table(page, "growth-chart"));
        Assert.Equal([["Nov 16", "1"], ["Nov 23", "1"]], Table(page, "weekly-chart")[^2..]);
    }
}
