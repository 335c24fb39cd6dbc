using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>Each script payload typed into every text field of every kind of thing, then every page
/// that shows it opened: the text is kept as typed and shown as text, nothing of it becomes markup.</summary>
public class ScriptPayloadCorpusTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string> Payloads => Corpus.Lines("text/script-payloads.txt");

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_script_payload_in_every_contact_field_is_kept_and_shown_as_text(string fixture)
    {
        var payload = Corpus.Case(fixture);
        var user = await _app.SignUpAsync();
        var client = user.Client;
        var form = await Corpus.OpenSafelyAsync(client, "/people/new");
        var created = await client.SubmitAsync(form, "main form", new()
        {
            ["Input.FirstName"] = payload, ["Input.LastName"] = payload, ["Input.Title"] = payload, ["Input.OrganizationName"] = payload,
            ["Input.City"] = Cut(payload, 100), ["Input.AlumniOf"] = payload, ["Input.Tags"] = Cut(payload, 50), ["Input.Notes"] = payload,
            ["Input.Emails[0].Label"] = Cut(payload, 50), ["Input.Emails[0].Value"] = "someone@example.org",
            ["Input.Phones[0].Label"] = Cut(payload, 50), ["Input.Phones[0].Value"] = Cut(payload, 50),
        });
        Corpus.NoServerError(created, fixture);
        Assert.True(Corpus.IsRedirect(created), $"{fixture}: the contact was not saved: {Corpus.Errors(await HtmlPage.ReadAsync(created, "/people/new"))}");
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
        var stored = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == id)
            .Select(c => new { c.FirstName, c.LastName, c.Title, Org = c.Organization!.Name, c.AlumniOf, c.Notes, Phone = c.Phones.Single().Number }).SingleAsync());
        var typed = payload.Trim();
        Assert.Equal(typed, stored.FirstName);
        Assert.Equal(typed, stored.LastName);
        Assert.Equal(typed, stored.Title);
        Assert.Equal(typed, stored.AlumniOf);
        Assert.Equal(payload, stored.Notes?.Replace("\r\n", "\n"));

        var details = await Corpus.OpenSafelyAsync(client, $"/people/{id}");
        Assert.Contains(typed + " " + typed, details.Document.QuerySelector("h1")!.TextContent);
        var edit = await Corpus.OpenSafelyAsync(client, $"/people/{id}/edit");
        Assert.Equal(typed, edit.Document.QuerySelector("input[name='Input.FirstName']")!.GetAttribute("value"));
        var list = await Corpus.OpenSafelyAsync(client, "/people");
        Assert.Contains(typed, list.Document.QuerySelector(".contact-list a.name")!.TextContent);
        await Corpus.OpenSafelyAsync(client, "/people?q=" + Uri.EscapeDataString(payload));
        await Corpus.OpenSafelyAsync(client, "/people/suggest?Input.ReferredByName=" + Uri.EscapeDataString(payload));
        foreach (var url in new[] { "/today", "/organizations", "/research", "/follow-ups", "/people/duplicates", "/outcome", "/import",
                     $"/people/{id}/export/json", "/conversations/new?contactId=" + id })
            await Corpus.OpenSafelyAsync(client, url);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_script_payload_in_research_conversations_templates_and_tasks_is_shown_as_text(string fixture)
    {
        var payload = Corpus.Case(fixture);
        var typed = payload.Trim();
        var user = await _app.SignUpAsync();
        var client = user.Client;

        var org = await SaveAsync(client, "/organizations/new", "main form", new()
            { ["Input.Name"] = payload, ["Input.City"] = Cut(payload, 100), ["Input.Notes"] = payload }, fixture);
        var field = await SaveAsync(client, "/fields/new", "main form", new()
            { ["Input.Name"] = Cut(payload, 150), ["Input.Description"] = payload, ["Input.Notes"] = payload, ["Input.Links[0].Label"] = Cut(payload, 100), ["Input.Links[0].Value"] = "https://example.org" }, fixture);
        var fieldPage = await Corpus.OpenSafelyAsync(client, field);
        Corpus.NoServerError(await client.SubmitAsync(fieldPage, "form[action*='AddQuestion']", new() { ["NewQuestion"] = payload }), fixture);
        var question = await client.SubmitAsync(await client.GetPageAsync("/questions"), "form[action*='handler=Add']", new() { ["Input.Text"] = payload });
        Corpus.NoServerError(question, fixture);
        var template = await client.SubmitAsync(await client.GetPageAsync("/templates?edit=new"), "form[action*='handler=Save']", new()
            { ["Input.Name"] = Cut(payload, 100), ["Input.Subject"] = payload, ["Input.Body"] = payload });
        Corpus.NoServerError(template, fixture);
        if (!Corpus.IsRedirect(template))
        {
            // Only text that looks like a merge field may be refused, and then beside the body, naming it.
            Assert.Contains("{{", payload);
            Assert.NotNull((await HtmlPage.ReadAsync(template, "/templates")).ErrorFor("Input.Body"));
        }

        var contactId = await _app.AddContactAsync(user.Id, payload, payload, payload);
        var created = await client.SubmitAsync(await client.GetPageAsync($"/conversations/new?contactId={contactId}"), "main form",
            new() { ["Goals"] = "DecideFit", ["OwnGoals"] = payload });
        Corpus.NoServerError(created, fixture);
        Assert.True(Corpus.IsRedirect(created), $"{fixture}: the conversation was not saved");
        var conversation = string.Join('/', created.Headers.Location!.OriginalString.Split('/').Take(3));
        var hold = await client.GetPageAsync(conversation + "/hold");
        Corpus.NoServerError(await client.SubmitAsync(hold, "form[action*='handler=SaveAll']", new() { ["freeNotes"] = payload }), fixture);
        Corpus.NoServerError(await client.SubmitAsync(hold, "form[action*='handler=Promise']", new() { ["text"] = Cut(payload, 200) }), fixture);
        Corpus.NoServerError(await client.SubmitAsync(hold, "form[action*='handler=Referral']", new() { ["firstName"] = payload, ["lastName"] = payload, ["organization"] = payload }), fixture);
        Corpus.NoServerError(await client.SubmitAsync(await client.GetPageAsync(conversation + "/reflect"), "main form",
            new() { ["Input.Learned"] = payload, ["Input.StillWantToKnow"] = payload, ["Input.NextSteps"] = payload, ["Input.FitNote"] = Cut(payload, 200) }), fixture);
        var followUps = await Corpus.OpenSafelyAsync(client, "/follow-ups");
        var edit = followUps.Document.QuerySelector("form[action*='Edit']");
        if (edit is not null)
            Corpus.NoServerError(await client.SubmitAsync(followUps, "form[action*='Edit']", new() { ["title"] = Cut(payload, 200), ["notes"] = payload }), fixture);
        Corpus.NoServerError(await client.SubmitAsync(await client.GetPageAsync("/outcome"), "main form", new() { ["Kind"] = "TookRole", ["Text"] = payload }), fixture);

        var ownTemplate = await _app.WithDbAsync(user.Id, db => db.OwnTemplates.Select(t => (int?)t.Id).FirstOrDefaultAsync());
        var conversationId = conversation.Split('/')[2];
        foreach (var url in new[]
                 {
                     org, org + "/edit", "/organizations", "/organizations/targets", field, field + "/edit", "/research", "/questions", "/templates",
                     "/conversations", conversation, conversation + "/prepare", conversation + "/hold", conversation + "/reflect", conversation + "/schedule",
                     "/today", "/follow-ups", "/outcome", $"/people/{contactId}", "/people?q=" + Uri.EscapeDataString(payload),
                     $"/outreach/compose?conversationId={conversationId}", $"/outreach/compose?contactId={contactId}",
                     ownTemplate is null ? "/templates" : $"/outreach/compose?contactId={contactId}&template=own:{ownTemplate}",
                     "/templates?edit=" + (ownTemplate is null ? "new" : $"own:{ownTemplate}"),
                 })
            await Corpus.OpenSafelyAsync(client, url);

        Assert.Equal(typed, await _app.WithDbAsync(user.Id, db => db.Organizations.Select(o => o.Name).SingleAsync(n => n == typed)));
        var orgPage = await Corpus.OpenSafelyAsync(client, org);
        Assert.Contains(typed, orgPage.Document.QuerySelector("h1")!.TextContent);
    }

    private async Task<string> SaveAsync(AppClient client, string url, string form, Dictionary<string, string> fields, string fixture)
    {
        var response = await client.SubmitAsync(await Corpus.OpenSafelyAsync(client, url), form, fields);
        Corpus.NoServerError(response, fixture + " on " + url);
        Assert.True(Corpus.IsRedirect(response), $"{fixture}: {url} did not save ({(int)response.StatusCode}): {Corpus.Errors(await HtmlPage.ReadAsync(response, url))}");
        return response.Headers.Location!.OriginalString;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
