using Microsoft.EntityFrameworkCore;
using System.Text;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>Oversized and malformed forms, and ids that are not ids: a 4xx or a message beside the
/// field, never a server error, and nothing changed.</summary>
public class FormCorpusTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string> WrongIds => Corpus.Lines("forms/wrong-ids.txt");

    [Theory]
    [MemberData(nameof(WrongIds))]
    public async Task An_id_that_is_not_an_id_finds_nothing_and_changes_nothing(string fixture)
    {
        var raw = Corpus.Case(fixture);
        var id = Uri.EscapeDataString(raw);
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Kept", "Person");
        var before = await OwnedRowsChecksum.OfAsync(_app, user.Id);
        var token = (await user.Client.GetPageAsync("/people/new")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The test host refuses a NUL in a path before the app sees it (a real server answers 400), so that one goes in queries only.
        string[] inPath = raw.Contains('\0') ? [] : [$"/people/{id}", $"/people/{id}/edit", $"/people/{id}/delete", $"/people/{id}/export/json", $"/organizations/{id}",
            $"/fields/{id}", $"/conversations/{id}", $"/conversations/{id}/schedule", $"/conversations/{id}/meeting.ics", $"/import/{id}"];
        foreach (var url in inPath.Concat([$"/outreach/compose?contactId={id}", $"/outreach/compose?conversationId={id}", $"/conversations/new?contactId={id}",
                     $"/people?field={id}&organization={id}&page={id}", $"/outreach/compose?contactId={contact}&template=own:{id}"]))
        {
            var response = await user.Client.GetAsync(url);
            Corpus.NoServerError(response, $"{fixture}: GET {url}");
        }
        string[] postInPath = raw.Contains('\0') ? [] : [$"/people/{id}/edit", $"/people/{id}/delete", $"/organizations/{id}/delete", $"/fields/{id}/delete"];
        foreach (var url in postInPath.Concat([$"/follow-ups?handler=Done&id={id}", $"/people/bulk?handler=Delete&ids={id}"]))
        {
            var response = await user.Client.PostAsync(url, [new("__RequestVerificationToken", token), new("Input.FirstName", "Changed"), new("ids", id), new("id", id)]);
            Corpus.NoServerError(response, $"{fixture}: POST {url}");
            await Corpus.UnchangedAsync(_app, user.Id, before, $"{fixture}: POST {url}");
        }
        // The same parameter twice (route and query): the route's id is the one edited, the person's own.
        var polluted = await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/people/{contact}/edit"), "main form",
            new() { ["Input.FirstName"] = "Renamed", ["id"] = id }, headers: null);
        Corpus.NoServerError(polluted, fixture);
        Assert.Equal(["Renamed"], await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.FirstName).ToListAsync()));
    }

    public static TheoryData<string> Oversized => new()
    {
        "generated:notes-one-over-the-limit", "generated:field-of-4-MB-and-1-byte", "generated:1025-fields", "generated:key-of-2049-characters",
        "generated:body-of-31-MB", "generated:phone-of-60-characters", "generated:email-label-of-51-characters", "generated:priority-999",
        "generated:source-not-a-number", "generated:another-persons-career-field", "generated:10000-tags", "generated:11-email-rows",
        "generated:duplicate-first-name", "generated:missing-antiforgery-token",
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task An_oversized_or_malformed_contact_form_is_refused_and_changes_nothing(string fixture)
    {
        var user = await _app.SignUpAsync();
        var other = await _app.SignUpAsync();
        var foreignField = await _app.WithDbAsync(other.Id, async db =>
        {
            var field = new Rapport.Domain.CareerField();
            field.Rename("Theirs");
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        var before = await OwnedRowsChecksum.OfAsync(_app, user.Id);
        var form = await user.Client.GetPageAsync("/people/new");
        var token = form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Input.FirstName", "Oversized") };
        string? field = null;
        switch (fixture)
        {
            case "generated:notes-one-over-the-limit": fields.Add(new("Input.Notes", new string('n', 20_001))); field = "Input.Notes"; break;
            case "generated:field-of-4-MB-and-1-byte": fields.Add(new("Input.Notes", new string('n', 4 * 1024 * 1024 + 1))); field = "Input.Notes"; break;
            case "generated:1025-fields": fields.AddRange(Enumerable.Range(0, 1025).Select(i => new KeyValuePair<string, string>($"x{i}", "1"))); break;
            case "generated:key-of-2049-characters": fields.Add(new(new string('k', 2049), "1")); break;
            case "generated:body-of-31-MB": fields.Add(new("Input.Notes", new string('n', 31_000_000))); field = "Input.Notes"; break;
            case "generated:phone-of-60-characters": fields.Add(new("Input.Phones[0].Value", new string('5', 60))); field = "Input.Phones[0].Value"; break;
            case "generated:email-label-of-51-characters": fields.Add(new("Input.Emails[0].Label", new string('l', 51))); fields.Add(new("Input.Emails[0].Value", "a@example.org")); field = "Input.Emails[0].Label"; break;
            case "generated:priority-999": fields.Add(new("Input.Priority", "999")); field = "Input.Priority"; break;
            case "generated:source-not-a-number": fields.Add(new("Input.Source", "abc")); field = "Input.Source"; break;
            case "generated:another-persons-career-field": fields.Add(new("Input.FieldIds", foreignField.ToString(System.Globalization.CultureInfo.InvariantCulture))); field = "Input.FieldIds"; break;
            case "generated:10000-tags": fields.Add(new("Input.Tags", string.Join(',', Enumerable.Range(0, 10_000)))); field = "Input.Tags"; break;
            case "generated:11-email-rows": fields.AddRange(Enumerable.Range(0, 11).SelectMany(i => new KeyValuePair<string, string>[] { new($"Input.Emails[{i}].Value", $"p{i}@example.org") })); field = "Input.Emails"; break;
            case "generated:duplicate-first-name": fields.Add(new("Input.FirstName", "Second")); break;
            case "generated:missing-antiforgery-token": fields.RemoveAt(0); break;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/people/new") { Content = new FormUrlEncodedContent(fields) };
        var response = await user.Client.SendAsync(request);
        Corpus.NoServerError(response, fixture);
        if (Corpus.IsRedirect(response))
        {
            // Accepted only where the input is fine once read: two first names (one is taken), more email rows than the form shows.
            Assert.Contains(fixture, new[] { "generated:duplicate-first-name", "generated:11-email-rows" });
            return;
        }
        if (field is not null && (int)response.StatusCode is < 400 or >= 500)
        {
            var page = await HtmlPage.ReadAsync(response, "/people/new");
            Assert.False(page.ErrorFor(field) is null && !page.Text.Contains("at most", StringComparison.Ordinal),
                $"{fixture}: refused with no message beside {field}: {Corpus.Errors(page)}");
        }
        else Assert.True((int)response.StatusCode is >= 400 and < 500, $"{fixture}: answered {(int)response.StatusCode}");
        await Corpus.UnchangedAsync(_app, user.Id, before, fixture);
    }
}
