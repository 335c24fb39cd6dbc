using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>Saving an edit form changes only what the person changed: every other field keeps its stored value exactly,
/// line breaks, tabs, spaces at the ends and characters outside the Basic Multilingual Plane included. The forms are sent
/// as a browser sends them: one-line inputs without line breaks (email and web address inputs also without spaces at the
/// ends), text areas with CRLF.</summary>
public class UntouchedFieldsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    // What an imported LinkedIn position or a phone's address book can hold.
    private static string Odd(string word) => $"  {word} Rear Admiral\nUS\tNavy 🙂 𝔘\r\nend  ";

    [Fact]
    public async Task Saving_a_contact_keeps_every_field_the_person_did_not_edit_exactly()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, Odd("first"), Odd("last"), more: c =>
        {
            c.Title = Odd("title");
            c.City = Odd("city");
            c.AlumniOf = Odd("school");
            c.Notes = Odd("notes");
            c.LinkedInPosition = Odd("position");
            c.Emails.Add(new ContactEmail { Address = "  ada@example.com ", NormalizedAddress = "ada@example.com", Label = Odd("label") });
            c.Phones.Add(new ContactPhone { Number = " +81\t3 5555 0101 ", Label = Odd("phone") });
        });
        await _app.WithDbAsync(user.Id, async db =>
        {
            var contact = await db.Contacts.Include(c => c.Organization).SingleAsync(c => c.Id == id);
            var organization = new Organization();
            organization.Rename("Analytical");
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            // A name as an import may have stored it, line break and all.
            await db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, Odd("org")));
            contact.OrganizationId = organization.Id;
            return await db.SaveChangesAsync();
        });
        var before = await ContactAsync(user.Id, id);

        var edit = await user.Client.GetPageAsync($"/people/{id}/edit");
        await SubmitAsBrowserAsync(user.Client, edit, "main form", new() { ["Input.Priority"] = "High" });

        var after = await ContactAsync(user.Id, id);
        Assert.Equal(before with { Priority = Priority.High }, after);

        // A field the person edits is trimmed, by design; the others still keep theirs.
        edit = await user.Client.GetPageAsync($"/people/{id}/edit");
        await SubmitAsBrowserAsync(user.Client, edit, "main form", new() { ["Input.City"] = "  Lisbon  " });
        Assert.Equal(after with { City = "Lisbon" }, await ContactAsync(user.Id, id));
    }

    [Fact]
    public async Task Saving_an_organization_keeps_every_field_the_person_did_not_edit_exactly()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var organization = new Organization { City = Odd("city"), Notes = Odd("notes") };
            organization.Rename("Harbor");
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            await db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, Odd("name")));
            return organization.Id;
        });
        var before = await OrganizationAsync(user.Id, id);
        var edit = await user.Client.GetPageAsync($"/organizations/{id}/edit");
        await SubmitAsBrowserAsync(user.Client, edit, "main form", new() { ["Input.Status"] = "Target" });
        Assert.Equal(before with { Status = OrganizationStatus.Target }, await OrganizationAsync(user.Id, id));
    }

    [Fact]
    public async Task Saving_a_career_field_keeps_every_field_the_person_did_not_edit_exactly()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var field = new CareerField { Description = Odd("description"), Notes = Odd("notes") };
            field.Rename("UX research");
            field.Links.Add(new CareerFieldLink { Url = "https://example.com/a", Label = Odd("link") });
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            await db.CareerFields.Where(f => f.Id == field.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Name, Odd("name")));
            return field.Id;
        });
        var before = await FieldAsync(user.Id, id);
        var edit = await user.Client.GetPageAsync($"/fields/{id}/edit");
        await SubmitAsBrowserAsync(user.Client, edit, "main form", new() { ["Input.Status"] = "Pursuing" });
        Assert.Equal(before with { Status = CareerFieldStatus.Pursuing }, await FieldAsync(user.Id, id));
    }

    [Fact]
    public async Task Saving_a_task_keeps_its_title_and_notes_when_only_the_day_was_changed()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var task = new FollowUpTask { Kind = TaskKind.Own, Title = Odd("title"), Notes = "\n" + Odd("notes"), DueUtc = _app.Clock.GetUtcNow().UtcDateTime.AddDays(2), AllDay = true };
            db.FollowUpTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        var before = await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Where(t => t.Id == id).Select(t => t.Title + "¦" + t.Notes).SingleAsync());
        var page = await user.Client.GetPageAsync("/follow-ups");
        await SubmitAsBrowserAsync(user.Client, page, "details.edit-task form", new() { ["due"] = "2026-12-10" });
        Assert.Equal(before, await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Where(t => t.Id == id).Select(t => t.Title + "¦" + t.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Saving_an_own_question_keeps_its_text_when_only_its_theme_was_changed()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var question = new OwnQuestion { Text = Odd("question"), Theme = QuestionTheme.PathAndBackground, Part = ConversationPart.Insights };
            db.OwnQuestions.Add(question);
            await db.SaveChangesAsync();
            return question.Id;
        });
        var page = await user.Client.GetPageAsync("/questions");
        await SubmitAsBrowserAsync(user.Client, page, $"#own-{id} form[action*='Edit']", new() { ["Input.Theme"] = "DayToDay" });
        var saved = await _app.WithDbAsync(user.Id, db => db.OwnQuestions.Where(q => q.Id == id).Select(q => new { q.Text, q.Theme }).SingleAsync());
        Assert.Equal((Odd("question"), QuestionTheme.DayToDay), (saved.Text, saved.Theme));
    }

    [Fact]
    public async Task Saving_a_template_keeps_its_name_subject_and_body_when_only_its_purpose_was_changed()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var template = new OwnTemplate { Name = Odd("name"), Subject = Odd("subject"), Body = Odd("body") };
            db.OwnTemplates.Add(template);
            await db.SaveChangesAsync();
            return template.Id;
        });
        var before = await _app.WithDbAsync(user.Id, db => db.OwnTemplates.Where(t => t.Id == id).Select(t => t.Name + "¦" + t.Subject + "¦" + t.Body).SingleAsync());
        var page = await user.Client.GetPageAsync($"/templates?edit=own:{id}");
        await SubmitAsBrowserAsync(user.Client, page, "form[action*='handler=Save']", new() { ["Input.Purpose"] = "ThankYou" });
        Assert.Equal(before, await _app.WithDbAsync(user.Id, db => db.OwnTemplates.Where(t => t.Id == id).Select(t => t.Name + "¦" + t.Subject + "¦" + t.Body).SingleAsync()));
        Assert.Equal(TemplatePurpose.ThankYou, await _app.WithDbAsync(user.Id, db => db.OwnTemplates.Where(t => t.Id == id).Select(t => t.Purpose).SingleAsync()));
    }

    [Fact]
    public async Task Saving_a_reflection_or_research_notes_keeps_what_was_not_edited()
    {
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Grace", "Hopper");
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var conversation = new Conversation
            {
                ContactId = contact, TimeZoneId = "UTC", StageChangedAtUtc = DateTime.UtcNow, ResearchNotes = "\n" + Odd("research"),
                Learned = Odd("learned"), StillWantToKnow = Odd("still"), FitNote = Odd("fit"),
            };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });
        string Saved(Conversation c) => string.Join("¦", c.ResearchNotes, c.Learned, c.StillWantToKnow, c.FitNote);
        var before = Saved(await _app.WithDbAsync(user.Id, db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id)));

        var reflect = await user.Client.GetPageAsync($"/conversations/{id}/reflect");
        await SubmitAsBrowserAsync(user.Client, reflect, "main form", new() { ["Input.NextSteps"] = "Send the thank-you" });
        var prepare = await user.Client.GetPageAsync($"/conversations/{id}/prepare");
        await SubmitAsBrowserAsync(user.Client, prepare, "form[action*='handler=Notes']", []);

        Assert.Equal(before, Saved(await _app.WithDbAsync(user.Id, db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id))));
    }

    [Fact]
    public async Task Saving_the_meeting_keeps_its_place_and_link_when_only_its_length_was_changed()
    {
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Grace", "Hopper");
        const string link = "  https://meet.example.com/odd\n🙂𝔘  ";
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var conversation = new Conversation
            {
                ContactId = contact, TimeZoneId = "UTC", StageChangedAtUtc = DateTime.UtcNow, Stage = ConversationStage.Scheduled,
                MeetingStartUtc = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(10), Mode = MeetingMode.Video,
                Place = Odd("place"), VideoLink = link,
            };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });
        var schedule = await user.Client.GetPageAsync($"/conversations/{id}/schedule");
        await SubmitAsBrowserAsync(user.Client, schedule, "main form", new() { ["Input.DurationMinutes"] = "45" });
        var saved = await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id).Select(c => new { c.Place, c.VideoLink, c.DurationMinutes }).SingleAsync());
        Assert.Equal((Odd("place"), link, 45), (saved.Place, saved.VideoLink, saved.DurationMinutes));

        // Saved again untouched, it is no change for the calendar: no new sequence for the invitation.
        Task<int> SequenceAsync() => _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id).Select(c => c.CalendarSequence).SingleAsync());
        var sequence = await SequenceAsync();
        await SubmitAsBrowserAsync(user.Client, await user.Client.GetPageAsync($"/conversations/{id}/schedule"), "main form", []);
        Assert.Equal(sequence, await SequenceAsync());
    }

    [Fact]
    public async Task Saving_all_notes_of_the_conversation_keeps_the_notes_nobody_edited()
    {
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Grace", "Hopper");
        var (id, first, second) = await _app.WithDbAsync(user.Id, async db =>
        {
            var conversation = new Conversation
            {
                ContactId = contact, TimeZoneId = "UTC", StageChangedAtUtc = DateTime.UtcNow, Stage = ConversationStage.Scheduled, FreeNotes = "\n" + Odd("free"),
            };
            conversation.Questions.Add(new ConversationQuestion { Text = "How did you start?", Position = 0, Notes = "\n" + Odd("start") });
            conversation.Questions.Add(new ConversationQuestion { Text = "What surprised you?", Position = 1, Notes = Odd("surprise") });
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return (conversation.Id, conversation.Questions[0].Id, conversation.Questions[1].Id);
        });
        var hold = await user.Client.GetPageAsync($"/conversations/{id}/hold");
        await SubmitAsBrowserAsync(user.Client, hold, "form[action*='handler=SaveAll']", new() { [$"notes[{second}]"] = "Nothing, really" });
        var saved = await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id)
            .Select(c => new { c.FreeNotes, First = c.Questions.Single(q => q.Id == first).Notes, Second = c.Questions.Single(q => q.Id == second).Notes }).SingleAsync());
        Assert.Equal(("\n" + Odd("free"), "\n" + Odd("start"), "Nothing, really"), (saved.FreeNotes, saved.First, saved.Second));
    }

    [Fact]
    public async Task Saving_the_profile_keeps_the_name_and_self_introduction_when_only_the_clock_was_changed()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(null, async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            (account.DisplayName, account.SelfIntroduction, account.TwentyFourHourClock) = (Odd("name"), "\n" + Odd("intro"), true);
            return await db.SaveChangesAsync();
        });
        var profile = await user.Client.GetPageAsync("/account/profile");
        await SubmitAsBrowserAsync(user.Client, profile, "main form", new() { ["Input.TwentyFourHourClock"] = "false" });
        var saved = await _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.DisplayName, u.SelfIntroduction, u.TwentyFourHourClock }).SingleAsync());
        Assert.Equal((Odd("name"), "\n" + Odd("intro"), (bool?)false), (saved.DisplayName, saved.SelfIntroduction, saved.TwentyFourHourClock));
    }

    private sealed record ContactFields(string First, string? Last, string? Title, string? City, string? School, string? Notes, string? Position,
        string? Organization, string Emails, string Phones, Priority Priority);

    private Task<ContactFields> ContactAsync(string owner, int id) => _app.WithDbAsync(owner, db => db.Contacts.Where(c => c.Id == id)
        .Select(c => new
        {
            c.FirstName, c.LastName, c.Title, c.City, c.AlumniOf, c.Notes, c.LinkedInPosition, Organization = c.Organization!.Name,
            Emails = c.Emails.OrderBy(e => e.Id).Select(e => e.Address + "|" + e.Label).ToList(),
            Phones = c.Phones.OrderBy(p => p.Id).Select(p => p.Number + "|" + p.Label).ToList(), c.Priority,
        })
        .SingleAsync()
        .ContinueWith(t => new ContactFields(t.Result.FirstName, t.Result.LastName, t.Result.Title, t.Result.City, t.Result.AlumniOf, t.Result.Notes,
            t.Result.LinkedInPosition, t.Result.Organization, string.Join("¦", t.Result.Emails), string.Join("¦", t.Result.Phones), t.Result.Priority)));

    private sealed record OrganizationFields(string Name, string? City, string? Notes, OrganizationStatus Status);

    private Task<OrganizationFields> OrganizationAsync(string owner, int id) => _app.WithDbAsync(owner, db => db.Organizations.Where(o => o.Id == id)
        .Select(o => new OrganizationFields(o.Name, o.City, o.Notes, o.Status)).SingleAsync());

    private sealed record CareerFieldFields(string Name, string? Description, string? Notes, string Links, CareerFieldStatus Status);

    private async Task<CareerFieldFields> FieldAsync(string owner, int id)
    {
        var field = await _app.WithDbAsync(owner, db => db.CareerFields.Where(f => f.Id == id)
            .Select(f => new { f.Name, f.Description, f.Notes, Links = f.Links.Select(l => l.Url + "|" + l.Label).ToList(), f.Status }).SingleAsync());
        return new CareerFieldFields(field.Name, field.Description, field.Notes, string.Join("¦", field.Links), field.Status);
    }

    /// <summary>Posts the form as a browser would send it untouched, with <paramref name="changes"/> typed in; the save must succeed.</summary>
    private static async Task SubmitAsBrowserAsync(AppClient client, HtmlPage page, string formSelector, Dictionary<string, string> changes)
    {
        var form = (IHtmlFormElement)page.Document.QuerySelector(formSelector)!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    if (input.Type is "submit" or "button" or "file") break;
                    var value = input.GetAttribute("value") ?? (input.Type is "checkbox" ? "on" : "");
                    // The value sanitization of HTML inputs: no line breaks in one-line inputs; email and URL also trimmed.
                    if (input.Type is not ("hidden" or "checkbox" or "radio")) value = value.Replace("\r", "").Replace("\n", "");
                    if (input.Type is "email" or "url") value = value.Trim(' ', '\t', '\f');
                    values.Add(new(input.Name!, value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    // A text area's value is sent with CRLF line ends.
                    values.Add(new(area.Name!, area.Value.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n")));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.SelectedOptions.FirstOrDefault() ?? select.Options.FirstOrDefault();
                    if (chosen is not null) values.Add(new(select.Name!, chosen.Value));
                    break;
            }
        }
        foreach (var (name, value) in changes)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var response = await client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : page.Url, values);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"The save was refused: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }
}
