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
        foreach (var url in new[] { "/today", "/organizations", "/research", "/follow-ups", "/follow-ups/answers", "/people/duplicates", "/outcome", "/import",
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
        var views = await PayloadEverywhere.StoreAsync(_app, user.Client, user.Id, payload, fixture);
        foreach (var url in views) await Corpus.OpenSafelyAsync(user.Client, url);

        var stored = await _app.WithDbAsync(user.Id, db => db.Organizations.Select(o => new { o.Name, o.Notes }).SingleAsync());
        Assert.Equal(typed, stored.Name);
        Assert.Equal(payload, stored.Notes?.Replace("\r\n", "\n"));
        var field = await _app.WithDbAsync(user.Id, db => db.CareerFields.Select(f => new { f.Description, Label = f.Links.Single().Label }).SingleAsync());
        Assert.Equal(typed, field.Description);
        Assert.Equal(typed, field.Label);
        var orgPage = await Corpus.OpenSafelyAsync(user.Client, views[5]);
        Assert.Contains(typed, orgPage.Document.QuerySelector("h1")!.TextContent);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
