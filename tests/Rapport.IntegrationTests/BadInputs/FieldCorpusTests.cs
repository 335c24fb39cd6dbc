using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>The line-list fixtures through the features they aim at: formulas into the CSV export,
/// Markdown tricks into notes, merge-field tricks into templates, Unicode names into contacts,
/// hostile names on uploads, and times that do not exist or happen twice.</summary>
public class FieldCorpusTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string> Formulas => Corpus.Lines("text/formulas.txt");

    [Theory]
    [MemberData(nameof(Formulas))]
    public async Task A_formula_is_kept_as_typed_and_exported_as_plain_text(string fixture)
    {
        var payload = Corpus.Case(fixture);
        var user = await _app.SignUpAsync();
        var created = await user.Client.SubmitAsync(await user.Client.GetPageAsync("/people/new"), "main form", new()
            { ["Input.FirstName"] = payload, ["Input.LastName"] = "Formula", ["Input.Title"] = payload, ["Input.OrganizationName"] = payload, ["Input.Notes"] = payload, ["Input.Phones[0].Value"] = payload.Length > 50 ? payload[..50] : payload });
        Corpus.NoServerError(created, fixture);
        Assert.True(Corpus.IsRedirect(created), $"{fixture}: not saved: {Corpus.Errors(await HtmlPage.ReadAsync(created, ""))}");
        var stored = await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => new { c.FirstName, c.Title, c.Notes }).SingleAsync());
        Assert.Equal(payload.Trim(), stored.FirstName);

        foreach (var (url, column, expected) in new[] { ("/import?handler=ContactsCsv", "First Name", stored.FirstName), ("/import?handler=ContactsCsv", "Title", stored.Title!),
                     ("/import?handler=ContactsCsv", "Notes", stored.Notes!), ("/import?handler=OrganizationsCsv", "Name", payload.Trim()) })
        {
            var response = await user.Client.GetAsync(url);
            Corpus.NoServerError(response, fixture + " " + url);
            var rows = CsvRows(await response.Content.ReadAsStringAsync());
            var cell = rows[1][Array.IndexOf(rows[0], column)];
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"{fixture}: the exported {column} would run as a formula: {cell}");
            // A spreadsheet told to split on semicolons or tabs (or blind to quotes) starts a cell after each of them,
            // and reads past the doubled quotes that may follow.
            foreach (var part in cell.Split([',', ';', '\t', '\r', '\n']).Skip(1).Select(p => p.TrimStart('"')))
                Assert.False(part.Length > 0 && "=+-@".Contains(part[0]), $"{fixture}: the exported {column} holds a formula after a separator: {cell}");
            // The value as typed, with a ' before each formula start: at the start, and after a separator inside it.
            Assert.Equal(Rapport.Formats.Csv.SpreadsheetCsv.Neutralise(expected), cell);
        }
    }

    /// <summary>RFC 4180, as a spreadsheet reads it.</summary>
    private static List<string[]> CsvRows(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = text.StartsWith('\uFEFF') ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i++; }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add([.. row]); }
        return rows;
    }

    public static TheoryData<string> MarkdownNotes
    {
        get
        {
            var rows = Corpus.Lines("markdown/links.txt");
            foreach (var name in new[] { "generated:deep-quotes", "generated:open-brackets", "generated:emphasis", "generated:wide-table", "generated:many-links" }) rows.Add(name);
            return rows;
        }
    }

    private static string Markdown(string fixture) => fixture switch
    {
        "generated:deep-quotes" => new string('>', 19_990) + " x",
        "generated:open-brackets" => new string('[', 19_990),
        "generated:emphasis" => string.Concat(Enumerable.Repeat("*_", 9_990)),
        "generated:wide-table" => "|" + string.Concat(Enumerable.Repeat(" a |", 2_400)) + "\n|" + string.Concat(Enumerable.Repeat("---|", 2_400)),
        "generated:many-links" => string.Concat(Enumerable.Repeat("[a](javascript:alert(1)) ", 790)),
        _ => Corpus.Case(fixture),
    };

    [Theory]
    [MemberData(nameof(MarkdownNotes))]
    public async Task A_markdown_note_links_only_to_web_and_mail_addresses_and_shows_html_as_text(string fixture)
    {
        var note = Markdown(fixture);
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Noted", "Person", "Noted Org", c => c.Notes = note);
        await _app.WithDbAsync(user.Id, async db =>
        {
            (await db.Organizations.SingleAsync()).Notes = note;
            var field = new Rapport.Domain.CareerField { Notes = note };
            field.Rename("Noted field");
            db.CareerFields.Add(field);
            return await db.SaveChangesAsync();
        });
        var orgId = await _app.WithDbAsync(user.Id, db => db.Organizations.Select(o => o.Id).SingleAsync());
        var fieldId = await _app.WithDbAsync(user.Id, db => db.CareerFields.Select(f => f.Id).SingleAsync());
        foreach (var url in new[] { $"/people/{contact}", $"/organizations/{orgId}", $"/fields/{fieldId}" })
        {
            var clock = Stopwatch.StartNew();
            var page = await Corpus.OpenSafelyAsync(user.Client, url);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{fixture}: {url} took {clock.Elapsed.TotalMilliseconds:N0} ms");
            var notes = page.Document.QuerySelector("article.notes");
            Assert.NotNull(notes);
            Assert.Empty(notes.QuerySelectorAll("img, script, iframe, svg, form, input, b"));
            foreach (var link in notes.QuerySelectorAll("a"))
                Assert.Matches("^(https?|mailto):", link.GetAttribute("href") ?? "");
        }
        // Edited through the form, the note is kept as typed.
        var edit = await user.Client.GetPageAsync($"/people/{contact}/edit");
        if (note.Length <= 20_000)
        {
            var saved = await user.Client.SubmitAsync(edit, "main form", new() { ["Input.Notes"] = note });
            Corpus.NoServerError(saved, fixture);
            Assert.Equal(note, await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.Notes).SingleAsync()));
        }
    }

    public static TheoryData<string> Templates => Corpus.Lines("templates/merge-fields.txt");

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task A_template_fills_in_only_the_contacts_own_fields_or_is_refused_naming_the_field(string fixture)
    {
        var body = Corpus.Case(fixture);
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Amara", "Okafor", "Riverside Health", c => c.Emails.Add(new Rapport.Domain.ContactEmail { Address = "amara@example.com", NormalizedAddress = "amara@example.com" }));
        var before = await OwnedRowsChecksum.OfAsync(_app, user.Id);
        var response = await user.Client.SubmitAsync(await user.Client.GetPageAsync("/templates?edit=new"), "form[action*='handler=Save']", new()
            { ["Input.Name"] = "Corpus", ["Input.Subject"] = body, ["Input.Body"] = body });
        Corpus.NoServerError(response, fixture);
        if (!Corpus.IsRedirect(response))
        {
            var refused = await HtmlPage.ReadAsync(response, "/templates");
            Corpus.NothingInjected(refused, fixture);
            var message = refused.ErrorFor("Input.Body") ?? refused.ErrorFor("Input.Subject");
            Assert.False(message is null, $"{fixture}: refused with no message beside the body: {Corpus.Errors(refused)}");
            await Corpus.UnchangedAsync(_app, user.Id, before, fixture);
            return;
        }
        var id = await _app.WithDbAsync(user.Id, db => db.OwnTemplates.Select(t => t.Id).SingleAsync());
        var compose = await Corpus.OpenSafelyAsync(user.Client, $"/outreach/compose?contactId={contact}&template=own:{id}");
        var filled = compose.Document.QuerySelector("#Body")?.TextContent ?? "";
        var secrets = await _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.PasswordHash, u.SecurityStamp, u.Email }).SingleAsync());
        Assert.DoesNotContain(secrets.PasswordHash!, filled);
        Assert.DoesNotContain(secrets.SecurityStamp!, filled);
        Assert.DoesNotContain(secrets.Email!, filled, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("49", filled);
        var subject = compose.Document.QuerySelector("#Subject")?.GetAttribute("value") ?? "";
        Assert.DoesNotContain('\n', subject);
        // A line break in the subject would let the text add mail headers (Bcc:) to the message.
        var mailto = compose.Document.QuerySelector("a[href^='mailto:']")?.GetAttribute("href") ?? "";
        var subjectParameter = mailto.Split('?', '&').FirstOrDefault(p => p.StartsWith("subject=", StringComparison.Ordinal)) ?? "";
        Assert.DoesNotContain("%0A", subjectParameter, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("%0D", subjectParameter, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string> Names => Corpus.Lines("unicode/names.txt");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_unicode_name_is_kept_exactly_found_by_search_and_shown_as_typed(string fixture)
    {
        var name = Corpus.Case(fixture);
        var user = await _app.SignUpAsync();
        var before = await OwnedRowsChecksum.OfAsync(_app, user.Id);
        var response = await user.Client.SubmitAsync(await user.Client.GetPageAsync("/people/new"), "main form", new()
            { ["Input.FirstName"] = name, ["Input.LastName"] = "Corpus", ["Input.OrganizationName"] = name, ["Input.City"] = name });
        Corpus.NoServerError(response, fixture);
        if (name.Contains('\0'))
        {
            var refused = await HtmlPage.ReadAsync(response, "/people/new");
            Assert.Contains("NUL", refused.ErrorFor("Input.FirstName"));
            await Corpus.UnchangedAsync(_app, user.Id, before, fixture);
            return;
        }
        Assert.True(Corpus.IsRedirect(response), $"{fixture}: not saved: {Corpus.Errors(await HtmlPage.ReadAsync(response, ""))}");
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
        Assert.Equal(name.Trim(), await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.FirstName).SingleAsync()));
        Assert.Equal(name.Trim(), await _app.WithDbAsync(user.Id, db => db.Organizations.Select(o => o.Name).SingleAsync()));
        var details = await Corpus.OpenSafelyAsync(user.Client, $"/people/{id}");
        Assert.Contains(name.Trim() + " Corpus", details.Document.QuerySelector("h1")!.TextContent);
        var found = await Corpus.OpenSafelyAsync(user.Client, "/people?q=" + Uri.EscapeDataString(name));
        Assert.Equal([name.Trim() + " Corpus"], found.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent.Trim()));
        var vcard = await user.Client.GetAsync($"/people/{id}/export/vcard");
        Corpus.NoServerError(vcard, fixture);
        var csv = await user.Client.GetAsync("/import?handler=ContactsCsv");
        Assert.Contains(name.Trim(), await csv.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> FileNames => Corpus.Lines("filenames/names.txt");

    [Theory]
    [MemberData(nameof(FileNames))]
    public async Task A_hostile_upload_name_is_shown_as_its_last_printable_part_and_never_used_as_a_path(string fixture)
    {
        var name = Corpus.Case(fixture);
        var user = await _app.SignUpAsync();
        var before = await OwnedRowsChecksum.OfAsync(_app, user.Id);
        var files = DataFolderFiles.Count(_app.Database.DataDirectory);
        var page = await user.Client.GetPageAsync("/import");
        var response = await RawUploadAsync(user.Client, page, name, Corpus.File("csv/C01-linkedin-shape.csv"));
        Corpus.NoServerError(response, fixture);
        if (!Corpus.IsRedirect(response))
        {
            Assert.NotNull((await HtmlPage.ReadAsync(response, "/import")).ErrorFor("LinkedInFile"));
            await Corpus.UnchangedAsync(_app, user.Id, before, fixture);
            return;
        }
        var preview = await Corpus.OpenSafelyAsync(user.Client, response.Headers.Location!.OriginalString);
        var shown = preview.Document.QuerySelector("h1")!.TextContent;
        Assert.DoesNotContain('/', shown);
        Assert.DoesNotContain('\\', shown);
        Assert.DoesNotContain(shown, c => char.IsControl(c) || c is '\u202E' or '\u202D' or '\u200F' or '\u200E');
        Assert.True(shown.Length < 300, $"{fixture}: the name shown is {shown.Length} characters");
        var done = await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);
        Corpus.NoServerError(done, fixture);
        var people = await Corpus.OpenSafelyAsync(user.Client, done.Headers.Location!.OriginalString);
        Assert.Contains("2 people added or updated", people.Status);
        Assert.Equal(files, DataFolderFiles.Count(_app.Database.DataDirectory));
    }

    /// <summary>A multipart upload written byte by byte, as a browser writes it: the name in UTF-8
    /// with only '"', CR and LF escaped, whatever else it holds.</summary>
    private static async Task<HttpResponseMessage> RawUploadAsync(AppClient client, HtmlPage page, string fileName, byte[] content)
    {
        var form = page.Document.QuerySelector("form[action*='handler=LinkedIn']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        const string boundary = "----corpus7MA4YWxkTrZu0gW";
        var escaped = fileName.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n");
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{escaped}\"\r\nContent-Type: text/csv\r\n\r\n");
        body.Write(content);
        Write($"\r\n--{boundary}--\r\n");
        var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return await client.SendAsync(request);
    }

    public static TheoryData<string> Times => Corpus.Lines("times/daylight-saving.txt");

    [Theory]
    [MemberData(nameof(Times))]
    public async Task A_meeting_at_a_time_the_clocks_skip_is_refused_and_one_they_repeat_takes_the_first(string fixture)
    {
        var parts = Corpus.Case(fixture).Split('|', StringSplitOptions.TrimEntries);
        var (zoneId, date, time, kind) = (parts[0], DateOnly.Parse(parts[1], CultureInfo.InvariantCulture), TimeOnly.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = date.ToDateTime(time);
        Assert.Equal(kind == "missing", zone.IsInvalidTime(local));
        Assert.Equal(kind == "twice", zone.IsAmbiguousTime(local));

        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Meeting", "Person");
        var created = await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/new?contactId={contact}"), "main form", new() { ["Goals"] = "DecideFit" });
        var conversation = string.Join('/', created.Headers.Location!.OriginalString.Split('/').Take(3));
        var before = await OwnedRowsChecksum.OfAsync(_app, user.Id);
        var response = await user.Client.SubmitAsync(await user.Client.GetPageAsync(conversation + "/schedule"), "main form", new()
        {
            ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Time"] = time.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Input.TimeZoneId"] = zoneId, ["Input.DurationMinutes"] = "30",
        });
        Corpus.NoServerError(response, fixture);
        if (kind == "missing")
        {
            var refused = await HtmlPage.ReadAsync(response, conversation + "/schedule");
            Assert.Contains("does not exist", refused.ErrorFor("Input.Time"));
            await Corpus.UnchangedAsync(_app, user.Id, before, fixture);
            return;
        }
        Assert.True(Corpus.IsRedirect(response), $"{fixture}: not saved: {Corpus.Errors(await HtmlPage.ReadAsync(response, ""))}");
        var offset = kind == "twice" ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        var expected = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        var id = int.Parse(conversation.Split('/')[2]);
        Assert.Equal(expected, await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id).Select(c => c.MeetingStartUtc).SingleAsync()));
        var again = await Corpus.OpenSafelyAsync(user.Client, conversation + "/schedule");
        Assert.Equal(time.ToString("HH:mm", CultureInfo.InvariantCulture), again.Document.QuerySelector("input[name='Input.Time']")!.GetAttribute("value")?[..5]);
        var ics = await user.Client.GetAsync(conversation + "/meeting.ics");
        Corpus.NoServerError(ics, fixture);
        // A repeated time is written in UTC in the calendar file: apps disagree on which of the two a local time means.
        Assert.Contains(kind == "twice" ? $"DTSTART:{expected:yyyyMMdd'T'HHmmss}Z" : $"DTSTART;TZID={zoneId}:{local:yyyyMMdd'T'HHmm}00", await ics.Content.ReadAsStringAsync());
        foreach (var url in new[] { "/today", "/conversations", conversation, "/follow-ups" }) await Corpus.OpenSafelyAsync(user.Client, url);
    }
}
