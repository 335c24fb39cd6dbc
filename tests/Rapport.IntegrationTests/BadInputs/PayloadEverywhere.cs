using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>Types one payload into every text field of every kind of thing a person keeps, through
/// the app's own forms (contacts, organizations, career fields and their questions, own questions,
/// templates, conversations with their notes, promises, referrals and reflection, tasks, the search
/// outcome), and says which pages show it. Shared by the HTTP corpus and the browser sweep.</summary>
public static class PayloadEverywhere
{
    public static async Task<IReadOnlyList<string>> StoreAsync(RapportApp app, AppClient client, string userId, string payload, string fixture)
    {
        var contact = await SaveAsync(client, "/people/new", "main form", new()
        {
            ["Input.FirstName"] = payload, ["Input.LastName"] = payload, ["Input.Title"] = payload, ["Input.OrganizationName"] = payload,
            ["Input.City"] = Cut(payload, 100), ["Input.AlumniOf"] = payload, ["Input.Tags"] = Cut(payload, 50), ["Input.Notes"] = payload,
            ["Input.Emails[0].Label"] = Cut(payload, 50), ["Input.Emails[0].Value"] = "someone@example.org",
            ["Input.Phones[0].Label"] = Cut(payload, 50), ["Input.Phones[0].Value"] = Cut(payload, 50),
            // Every payload's contact has the same address, so from the second on the form asks first.
            ["SaveAnyway"] = "true",
        }, fixture);
        var contactId = contact.Split('/')[2];
        var org = await app.WithDbAsync(userId, db => db.Organizations.Where(o => o.Name == payload.Trim()).Select(o => "/organizations/" + o.Id).SingleAsync());
        Corpus.NoServerError(await client.SubmitAsync(await client.GetPageAsync(org + "/edit"), "main form", new()
            { ["Input.City"] = Cut(payload, 100), ["Input.Website"] = "https://example.org", ["Input.Notes"] = payload }), fixture);
        var field = await SaveAsync(client, "/fields/new", "main form", new()
        {
            ["Input.Name"] = Cut(payload, 150), ["Input.Description"] = payload, ["Input.Notes"] = payload,
            ["Input.Links[0].Label"] = payload, ["Input.Links[0].Value"] = "https://example.org",
        }, fixture);
        Corpus.NoServerError(await client.SubmitAsync(await client.GetPageAsync(field), "form[action*='AddQuestion']", new() { ["NewQuestion"] = payload }), fixture);
        Corpus.NoServerError(await client.SubmitAsync(await client.GetPageAsync("/questions"), "form[action*='handler=Add']", new() { ["Input.Text"] = payload }), fixture);
        var template = await client.SubmitAsync(await client.GetPageAsync("/templates?edit=new"), "form[action*='handler=Save']", new()
            { ["Input.Name"] = Cut(payload, 100), ["Input.Subject"] = payload, ["Input.Body"] = payload + "\n{{contact.first_name}}" });
        Corpus.NoServerError(template, fixture);
        if (!Corpus.IsRedirect(template))
        {
            // Only text that looks like a merge field may be refused, and then beside the body, naming it.
            Assert.Contains("{{", payload);
            Assert.NotNull((await HtmlPage.ReadAsync(template, "/templates")).ErrorFor("Input.Body"));
        }

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
        var followUps = await client.GetPageAsync("/follow-ups");
        if (followUps.Document.QuerySelector("form[action*='Edit']") is not null)
            Corpus.NoServerError(await client.SubmitAsync(followUps, "form[action*='Edit']", new() { ["title"] = Cut(payload, 200), ["notes"] = payload }), fixture);
        Corpus.NoServerError(await client.SubmitAsync(await client.GetPageAsync("/outcome"), "main form", new() { ["Text"] = payload }), fixture);

        var ownTemplate = await app.WithDbAsync(userId, db => db.OwnTemplates.OrderByDescending(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync());
        var conversationId = conversation.Split('/')[2];
        var query = Uri.EscapeDataString(payload);
        return
        [
            contact, contact + "/edit", "/people", "/people?q=" + query, "/people/duplicates",
            org, org + "/edit", "/organizations", "/organizations/targets", "/organizations?q=" + query,
            field, field + "/edit", "/research", "/questions", "/templates",
            "/conversations", conversation, conversation + "/prepare", conversation + "/hold", conversation + "/reflect", conversation + "/schedule",
            "/today", "/follow-ups", "/outcome", "/import",
            $"/outreach/compose?conversationId={conversationId}", $"/outreach/compose?contactId={contactId}",
            ownTemplate is null ? "/templates?edit=new" : $"/outreach/compose?contactId={contactId}&template=own:{ownTemplate}",
            ownTemplate is null ? "/templates?edit=new" : $"/templates?edit=own:{ownTemplate}",
        ];
    }

    private static async Task<string> SaveAsync(AppClient client, string url, string form, Dictionary<string, string> fields, string fixture)
    {
        var response = await client.SubmitAsync(await client.GetPageAsync(url), form, fields);
        Corpus.NoServerError(response, fixture + " on " + url);
        Assert.True(Corpus.IsRedirect(response), $"{fixture}: {url} did not save ({(int)response.StatusCode}): {Corpus.Errors(await HtmlPage.ReadAsync(response, url))}");
        return string.Join('/', response.Headers.Location!.OriginalString.Split('/').Take(3));
    }

    public static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
