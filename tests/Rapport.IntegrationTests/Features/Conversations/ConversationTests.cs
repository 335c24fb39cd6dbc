using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Conversations;

public class ConversationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    internal static async Task<(SignedInUser User, int ContactId, int FieldId, int ConversationId)> PlannedAsync(RapportApp app, string goals = "DecideFit")
    {
        var user = await app.SignUpAsync();
        var fieldId = await app.WithDbAsync(user.Id, async db =>
        {
            var field = new CareerField();
            field.Rename("UX research");
            field.OpenQuestions.Add(new OpenQuestion { Text = "Do teams hire without a portfolio?" });
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        var contactId = await app.AddContactAsync(user.Id, "Amara", "Okafor", "Riverside Health", c => c.Fields.Add(new ContactField { CareerFieldId = fieldId }));
        var form = await user.Client.GetPageAsync($"/conversations/new?contactId={contactId}");
        var fields = new Dictionary<string, string> { ["Goals"] = goals };
        var response = await user.Client.SubmitAsync(form, "main form", fields);
        var location = response.Headers.Location!.OriginalString;
        var id = int.Parse(location.Split('/')[2]);
        return (user, contactId, fieldId, id);
    }

    private Task<Conversation> LoadAsync(string ownerId, int id) =>
        _app.WithDbAsync(ownerId, db => db.Conversations.Include(c => c.Questions).Include(c => c.StageChanges).SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Planning_from_a_contact_proposes_questions_for_the_goals_with_open_questions_first()
    {
        var (user, _, _, id) = await PlannedAsync(_app, "LearnTheWayIn");
        var prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
        var questions = prepare.Document.QuerySelectorAll("#question-list li .question-text").Select(q => q.TextContent).ToList();
        Assert.InRange(questions.Count, 5, 10);
        Assert.Equal("Do teams hire without a portfolio?", questions[0]);
        Assert.Contains("Learn how people get in", prepare.Document.QuerySelector("#goals-heading")!.ParentElement!.TextContent);
        Assert.Contains("Idea", prepare.Document.QuerySelector(".stage")!.TextContent);
        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal(ConversationStage.Idea, conversation.Stage);
        Assert.Single(conversation.StageChanges);
    }

    [Fact]
    public async Task The_list_can_be_reordered_trimmed_added_to_and_warns_below_five()
    {
        var (user, _, _, id) = await PlannedAsync(_app);
        var before = (await LoadAsync(user.Id, id)).Questions.OrderBy(q => q.Position).ToList();
        var prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
        await user.Client.SubmitAsync(prepare, $"form[action*='handler=Down'][action*='questionId={before[0].Id}']", []);
        var after = (await LoadAsync(user.Id, id)).Questions.OrderBy(q => q.Position).Select(q => q.Id).ToList();
        Assert.Equal(before[1].Id, after[0]);
        Assert.Equal(before[0].Id, after[1]);

        prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
        var reorder = after.AsEnumerable().Reverse().Select(q => new KeyValuePair<string, string>("order", q.ToString()))
            .Append(new("__RequestVerificationToken", prepare.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        var fragment = await user.Client.PostAsync($"/conversations/{id}/prepare?handler=Reorder", reorder.ToList(), new() { ["HX-Request"] = "true" });
        Assert.StartsWith("<div id=\"question-list\"", (await fragment.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(after.AsEnumerable().Reverse(), (await LoadAsync(user.Id, id)).Questions.OrderBy(q => q.Position).Select(q => q.Id));

        foreach (var question in before.Skip(3))
        {
            prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
            await user.Client.SubmitAsync(prepare, $"form[action*='handler=Remove'][action*='questionId={question.Id}']", []);
        }
        prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
        Assert.Equal(3, prepare.Document.QuerySelectorAll("#question-list li").Length);
        Assert.NotNull(prepare.Document.QuerySelector(".advice"));

        await user.Client.SubmitAsync(prepare, "form[action*='handler=Add']:has(#add-text)", new() { ["text"] = "What surprised you in your first year?" });
        prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
        var key = prepare.Document.QuerySelector("#add-key option[value^='bank:']")!.GetAttribute("value")!;
        await user.Client.SubmitAsync(prepare, "form[action*='handler=Add']:has(#add-key)", new() { ["key"] = key });
        var final = (await LoadAsync(user.Id, id)).Questions.OrderBy(q => q.Position).ToList();
        Assert.Equal(5, final.Count);
        Assert.Equal("What surprised you in your first year?", final[3].Text);
        Assert.Equal(key, final[4].Source);
    }

    [Fact]
    public async Task Stages_follow_the_rules_and_every_change_is_kept()
    {
        var (user, _, _, id) = await PlannedAsync(_app);
        async Task<string?> Move(string to)
        {
            var page = await user.Client.GetPageAsync($"/conversations/{id}");
            var form = page.Document.QuerySelector($"form[action*='handler=Stage'][action*='to={to}']");
            if (form is null) return null;
            var result = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, $"form[action*='handler=Stage'][action*='to={to}']", []));
            return result.Status;
        }
        async Task<string?> Reply(string kind) => (await user.Client.FollowAsync(await user.Client.SubmitAsync(
            await user.Client.GetPageAsync($"/conversations/{id}"), $"form[action*='handler=Reply'][action*='kind={kind}']", []))).Status;
        Assert.Null(await Move("Held"));            // not offered from Idea
        Assert.Equal("Now requested.", await Move("Requested"));
        Assert.Null(await Move("Declined"));        // a request's answers are logged as replies: one set of buttons
        Assert.StartsWith("Logged: they declined.", await Reply("Declined"));
        Assert.Contains("Reopened", await Move("Requested"));
        // Held needs a meeting time that has come: set one tomorrow, then try.
        await _app.WithDbAsync(user.Id, async db =>
        {
            var c = await db.Conversations.SingleAsync(x => x.Id == id);
            c.MeetingStartUtc = _app.Clock.GetUtcNow().UtcDateTime.AddDays(1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Logged: they said yes.", await Reply("Accepted"));
        var token = (await user.Client.GetPageAsync($"/conversations/{id}")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var early = await user.Client.FollowAsync(await user.Client.PostAsync($"/conversations/{id}?handler=Stage&to=Held", [new("__RequestVerificationToken", token)]));
        Assert.Equal("A conversation can be marked held only once its meeting time has come.", early.Status);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        try
        {
            Assert.Equal("Now held.", await Move("Held"));
        }
        finally
        {
            _app.Clock.Advance(TimeSpan.FromDays(-2));
        }
        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal(ConversationStage.Held, conversation.Stage);
        Assert.Equal([ConversationStage.Idea, ConversationStage.Requested, ConversationStage.Declined, ConversationStage.Requested, ConversationStage.Scheduled, ConversationStage.Held],
            conversation.StageChanges.OrderBy(s => s.Id).Select(s => s.To));
        var history = (await user.Client.GetPageAsync($"/conversations/{id}")).Document.QuerySelector("#stage-heading ~ .timeline")!.TextContent;
        Assert.Contains("Declined → Requested", history);
    }

    [Fact]
    public async Task Scheduling_keeps_the_zone_refuses_a_time_that_does_not_exist_and_flags_overlaps()
    {
        var (user, contactId, _, id) = await PlannedAsync(_app);
        async Task<HttpResponseMessage> Schedule(int conversation, string date, string time, string zone = "America/New_York", string minutes = "30") =>
            await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{conversation}/schedule"), "main form", new()
            {
                ["Input.Date"] = date, ["Input.Time"] = time, ["Input.TimeZoneId"] = zone, ["Input.DurationMinutes"] = minutes,
                ["Input.Mode"] = "Video", ["Input.VideoLink"] = "https://meet.example/abc",
            });

        var gap = await HtmlPage.ReadAsync(await Schedule(id, "2027-03-14", "02:30"), "");
        Assert.Contains("does not exist", gap.ErrorFor("Input.Time"));

        var saved = await user.Client.FollowAsync(await Schedule(id, "2026-12-03", "10:00"));
        Assert.Contains("scheduled", saved.Status);
        var conversation = await LoadAsync(user.Id, id);
        Assert.Equal(new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), conversation.MeetingStartUtc);
        Assert.Equal(ConversationStage.Scheduled, conversation.Stage);
        // The user's zone is Europe/Berlin: shown there, and in the meeting's zone too.
        Assert.Contains("3 Dec 2026, 16:00", saved.Text);
        Assert.Contains("3 Dec 2026, 10:00 in America/New_York", saved.Text);
        var sequence = conversation.CalendarSequence;

        var second = await _app.WithDbAsync(user.Id, async db =>
        {
            var other = new Conversation { ContactId = contactId, TimeZoneId = "UTC", StageChangedAtUtc = DateTime.UtcNow };
            db.Conversations.Add(other);
            await db.SaveChangesAsync();
            return other.Id;
        });
        var overlap = await user.Client.FollowAsync(await Schedule(second, "2026-12-03", "15:15", "UTC"));
        Assert.Contains("overlaps", overlap.Status);
        Assert.Contains("Overlaps your conversation", overlap.Text);

        await Schedule(id, "2026-12-03", "11:00");
        Assert.Equal(sequence + 1, (await LoadAsync(user.Id, id)).CalendarSequence);
    }

    [Fact]
    public async Task A_scheduled_meeting_downloads_as_an_ics_file()
    {
        var (user, _, _, id) = await PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/schedule"), "main form", new()
        {
            ["Input.Date"] = "2026-12-03", ["Input.Time"] = "10:00", ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.Place"] = "Café Central, Lisbon",
        });
        var response = await user.Client.GetAsync($"/conversations/{id}/meeting.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", text);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261203T100000", text);
        Assert.Contains("LOCATION:Café Central\\, Lisbon", text);
        Assert.Contains("SUMMARY:Informational interview with Amara Okafor (Riverside Health)", text);
        Assert.Contains("Do teams hire without a portfolio?", text.Replace("\r\n ", ""));
        var parsed = Assert.Single(IcalJs.Events(text));
        Assert.Equal("Café Central, Lisbon", parsed.GetProperty("location").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), parsed.GetProperty("start").GetInt64());
        Assert.Equal(30 * 60, parsed.GetProperty("end").GetInt64() - parsed.GetProperty("start").GetInt64());
    }

    [Fact]
    public async Task Conversation_mode_saves_notes_adds_referrals_and_promises_and_ending_makes_it_held()
    {
        var (user, contactId, _, id) = await PlannedAsync(_app);
        var hold = await user.Client.GetPageAsync($"/conversations/{id}/hold");
        var token = hold.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var questionId = (await LoadAsync(user.Id, id)).Questions.OrderBy(q => q.Position).First().Id;
        var saved = await user.Client.PostAsync($"/conversations/{id}/hold?handler=Note",
            [new("target", $"q:{questionId}"), new("text", "Yes, with a case study."), new("__RequestVerificationToken", token)], new() { ["RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        await user.Client.PostAsync($"/conversations/{id}/hold?handler=Note", [new("target", "free"), new("text", "Met at the café."), new("__RequestVerificationToken", token)]);
        await user.Client.PostAsync($"/conversations/{id}/hold?handler=Note", [new("target", "again"), new("text", "true"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.PostAsync($"/conversations/{id}/hold?handler=Note", [new("target", "q:999999"), new("text", "x"), new("__RequestVerificationToken", token)])).StatusCode);

        hold = await user.Client.GetPageAsync($"/conversations/{id}/hold");
        hold = await user.Client.FollowAsync(await user.Client.SubmitAsync(hold, "form[action*='handler=Referral']", new()
        {
            ["firstName"] = "Grace", ["lastName"] = "Mensah", ["organization"] = "Riverside Health", ["mayUseName"] = "Yes",
        }));
        Assert.Contains("Grace Mensah is added, referred by Amara Okafor", hold.Status);
        hold = await user.Client.FollowAsync(await user.Client.SubmitAsync(hold, "form[action*='handler=Promise']", new() { ["text"] = "Send my portfolio link" }));
        Assert.Equal("The promise is noted.", hold.Status);

        var reflect = await user.Client.FollowAsync(await user.Client.SubmitAsync(hold, "form[action*='handler=End']", []));
        Assert.Contains("Write down what you learned", reflect.Status);
        var conversation = await _app.WithDbAsync(user.Id, db => db.Conversations.Include(c => c.Questions).Include(c => c.Promises).Include(c => c.Referrals).SingleAsync(c => c.Id == id));
        Assert.Equal(ConversationStage.Held, conversation.Stage);
        Assert.NotNull(conversation.MeetingStartUtc);
        Assert.Equal("Yes, with a case study.", conversation.Questions.Single(q => q.Id == questionId).Notes);
        Assert.Equal("Met at the café.", conversation.FreeNotes);
        Assert.True(conversation.MayContactAgain);
        Assert.Equal("Send my portfolio link", conversation.Promises.Single().Text);
        var referral = conversation.Referrals.Single();
        Assert.Equal(NameUse.Yes, referral.MayUseName);
        Assert.Equal(contactId, await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == referral.ContactId).Select(c => c.ReferredById).SingleAsync()));
    }

    [Fact]
    public async Task Messages_replies_and_meetings_move_last_in_touch_forward_never_back()
    {
        var (user, contactId, _, id) = await PlannedAsync(_app);
        Task SetAsync(DateOnly day) => _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactedOn, day)));
        Task<DateOnly?> LastAsync() => _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.LastContactedOn).SingleAsync());
        var today = new DateOnly(2026, 11, 27);
        var later = new DateOnly(2026, 12, 15);

        await SetAsync(new DateOnly(2026, 11, 1));
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}"), "form[action*='handler=Sent']", new() { ["Channel"] = "Email", ["SendAsItIs"] = "true" });
        Assert.Equal(today, await LastAsync());

        // A later day set by hand stays.
        await SetAsync(later);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}"), "form[action*='handler=Reply'][action*='kind=Accepted']", []);
        Assert.Equal(later, await LastAsync());
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        Assert.Equal(ConversationStage.Held, (await LoadAsync(user.Id, id)).Stage);
        Assert.Equal(later, await LastAsync());
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/outreach/compose?conversationId={id}"), "form[action*='handler=Sent']", new() { ["Channel"] = "Email", ["SendAsItIs"] = "true" });
        Assert.Equal(2, await _app.WithDbAsync(user.Id, db => db.OutreachAttempts.CountAsync()));
        Assert.Equal(later, await LastAsync());
    }

    [Fact]
    public async Task A_reflection_is_kept_and_what_is_still_unknown_becomes_open_questions()
    {
        var (user, _, fieldId, id) = await PlannedAsync(_app);
        var reflect = await user.Client.GetPageAsync($"/conversations/{id}/reflect");
        var done = await user.Client.FollowAsync(await user.Client.SubmitAsync(reflect, "main form", new()
        {
            ["Input.Learned"] = "Portfolios matter less than curiosity.",
            ["Input.StillWantToKnow"] = "How do teams measure impact?\n- Do teams hire without a portfolio?",
            ["Input.AddQuestionsTo"] = fieldId.ToString(),
            ["Input.NextSteps"] = "Thank-you note today.",
            ["Input.FitRating"] = "4",
            ["Input.FitNote"] = "Good mix of people and analysis.",
        }));
        Assert.Contains("1 open question was added", done.Status);
        Assert.Contains("4 of 5", done.Text);
        var open = await _app.WithDbAsync(user.Id, db => db.OpenQuestions.Where(q => q.CareerFieldId == fieldId).Select(q => q.Text).ToListAsync());
        Assert.Equal(["Do teams hire without a portfolio?", "How do teams measure impact?"], open.Order());
        var bad = await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/reflect"), "main form", new() { ["Input.FitRating"] = "9" });
        Assert.Equal("Rate the fit from 1 to 5.", (await HtmlPage.ReadAsync(bad, "")).ErrorFor("Input.FitRating"));
    }

    [Fact]
    public async Task A_field_page_shows_the_same_question_answered_by_different_people_and_the_fit_over_time()
    {
        var (user, _, fieldId, first) = await PlannedAsync(_app);
        var secondContact = await _app.AddContactAsync(user.Id, "Zoë", "Saldaña", more: c => c.Fields.Add(new ContactField { CareerFieldId = fieldId }));
        var form = await user.Client.GetPageAsync($"/conversations/new?contactId={secondContact}");
        var second = int.Parse((await user.Client.SubmitAsync(form, "main form", new() { ["Goals"] = "DecideFit" })).Headers.Location!.OriginalString.Split('/')[2]);
        await _app.WithDbAsync(user.Id, async db =>
        {
            var conversations = await db.Conversations.Include(c => c.Questions).Where(c => c.Id == first || c.Id == second).ToListAsync();
            foreach (var c in conversations)
            {
                var shared = c.Questions.First(q => q.Source.StartsWith("bank:", StringComparison.Ordinal));
                shared.Notes = c.Id == first ? "Amara's answer" : "Zoë's answer";
                c.FitRating = c.Id == first ? 3 : 5;
                c.MeetingStartUtc = new DateTime(2026, 11, c.Id == first ? 1 : 20, 12, 0, 0, DateTimeKind.Utc);
                c.Learned = c.Id == first ? "Learned one" : null;
            }
            return await db.SaveChangesAsync();
        });
        var page = await user.Client.GetPageAsync($"/fields/{fieldId}");
        var sideBySide = page.Document.QuerySelector(".side-by-side")!.TextContent;
        Assert.Contains("Amara's answer", sideBySide);
        Assert.Contains("Zoë's answer", sideBySide);
        // The fit is a line on labelled axes, a point per conversation in time order.
        var fit = page.Document.QuerySelector("svg#fit-chart")!;
        Assert.Equal(["3", "5"], fit.QuerySelectorAll("g.point").Select(p => p.GetAttribute("data-value")!));
        Assert.NotNull(fit.QuerySelector("polyline"));
        Assert.Equal(["Conversation date", "Fit (1 to 5)"], fit.QuerySelectorAll(".chart-axis-title").Select(t => t.TextContent));
        Assert.Contains("Learned one", page.Document.QuerySelector(".reflections")!.TextContent);
    }

    [Fact]
    public async Task Deleting_the_contact_deletes_their_conversations()
    {
        var (user, contactId, _, id) = await PlannedAsync(_app);
        var confirm = await user.Client.GetPageAsync($"/people/{contactId}/delete");
        Assert.Contains("1 conversation with them", confirm.Text);
        await user.Client.SubmitAsync(confirm, "main form", []);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Conversations.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.ConversationQuestions.CountAsync()));
    }

    [Theory]
    [InlineData("GET", "/conversations/{0}")]
    [InlineData("GET", "/conversations/{0}/prepare")]
    [InlineData("GET", "/conversations/{0}/schedule")]
    [InlineData("GET", "/conversations/{0}/hold")]
    [InlineData("GET", "/conversations/{0}/reflect")]
    [InlineData("GET", "/conversations/{0}/meeting.ics")]
    [InlineData("POST", "/conversations/{0}?handler=Stage&to=Requested")]
    [InlineData("POST", "/conversations/{0}?handler=Delete")]
    [InlineData("POST", "/conversations/{0}/prepare?handler=Propose")]
    [InlineData("POST", "/conversations/{0}/prepare?handler=Notes")]
    [InlineData("POST", "/conversations/{0}/hold?handler=Note")]
    [InlineData("POST", "/conversations/{0}/hold?handler=Promise")]
    [InlineData("POST", "/conversations/{0}/hold?handler=Referral")]
    [InlineData("POST", "/conversations/{0}/hold?handler=End")]
    [InlineData("POST", "/conversations/{0}/schedule")]
    [InlineData("POST", "/conversations/{0}/reflect")]
    public async Task Another_users_conversation_answers_404_and_changes_nothing(string verb, string path)
    {
        var (owner, _, _, id) = await PlannedAsync(_app);
        var other = await _app.SignUpAsync();
        var url = string.Format(path, id);
        HttpResponseMessage response;
        if (verb == "GET") response = await other.Client.GetAsync(url);
        else
        {
            var token = (await other.Client.GetPageAsync("/people/new")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            response = await other.Client.PostAsync(url, [new("__RequestVerificationToken", token), new("text", "planted"), new("target", "free"),
                new("firstName", "Planted"), new("researchNotes", "planted"), new("Input.Learned", "planted")]);
        }
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var conversation = await LoadAsync(owner.Id, id);
        Assert.Equal(ConversationStage.Idea, conversation.Stage);
        Assert.Null(conversation.FreeNotes);
        Assert.Null(conversation.ResearchNotes);
        Assert.Null(conversation.Learned);
        Assert.Equal(0, await _app.WithDbAsync(other.Id, db => db.Contacts.CountAsync()));
    }
}
