using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.People;

public class ContactPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static async Task<HttpResponseMessage> AddAsync(AppClient client, Dictionary<string, string> fields)
    {
        var form = await client.GetPageAsync("/people/new");
        return await client.SubmitAsync(form, "main form", fields);
    }

    [Fact]
    public async Task A_new_contact_with_everything_is_shown_on_its_page_and_in_the_list()
    {
        var user = await _app.SignUpAsync();
        var referrer = await _app.AddContactAsync(user.Id, "Amara", "Okafor", "Riverside Health");
        var fieldId = await _app.WithDbAsync(user.Id, async db =>
        {
            var field = new CareerField();
            field.Rename("UX research");
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        var response = await AddAsync(user.Client, new()
        {
            ["Input.FirstName"] = "Grace",
            ["Input.LastName"] = "Hopper",
            ["Input.Title"] = "Rear Admiral",
            ["Input.OrganizationName"] = "US  navy",
            ["Input.City"] = "Arlington",
            ["Input.LinkedInUrl"] = "linkedin.com/in/Grace-Hopper/?trk=abc",
            ["Input.Emails[0].Label"] = "work",
            ["Input.Emails[0].Value"] = "grace@example.org",
            ["Input.Emails[1].Value"] = "g.hopper@example.net",
            ["Input.Phones[0].Value"] = "+1 555 010 0000",
            ["Input.Source"] = "Referral",
            ["Input.ReferredByName"] = "Amara Okafor (Riverside Health)",
            ["Input.AlumniOf"] = "Yale",
            ["Input.FieldIds"] = fieldId.ToString(),
            ["Input.Tags"] = "navy, compilers, Navy",
            ["Input.Priority"] = "High",
            ["Input.LastContactedOn"] = "2026-10-01",
            ["Input.Notes"] = "Ask about **compilers**",
        });
        var details = await user.Client.FollowAsync(response);
        Assert.Equal("Grace Hopper is added.", details.Status);
        Assert.Equal("Grace Hopper", details.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("US  navy", details.Text);
        Assert.Equal("https://www.linkedin.com/in/grace-hopper", details.Document.QuerySelector("a[href*='linkedin.com']")!.GetAttribute("href"));
        Assert.Equal(["#compilers", "#navy"], details.Document.QuerySelectorAll(".badge.tag").Select(t => t.TextContent).Order());
        Assert.Contains("Amara Okafor", details.Document.QuerySelector("a[href$='/people/" + referrer + "']")!.TextContent);
        Assert.Equal("UX research", details.Document.QuerySelector("a[href^='/fields/']")!.TextContent);
        Assert.Contains("High priority", details.Text);
        Assert.Equal("compilers", details.Document.QuerySelector(".notes strong")!.TextContent);
        // Added 27 Nov 2026 15:00 UTC, shown in the user's zone (Europe/Berlin, UTC+1).
        Assert.Contains("27 Nov 2026, 16:00", details.Text);

        var referrerPage = await user.Client.GetPageAsync($"/people/{referrer}");
        Assert.Contains("Grace Hopper", referrerPage.Document.QuerySelector("#referred-heading")!.ParentElement!.TextContent);

        var list = await user.Client.GetPageAsync("/people");
        Assert.Contains("Grace Hopper", list.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent));
        // "US  navy" and a later "us navy" are one organization.
        await AddAsync(user.Client, new() { ["Input.FirstName"] = "Another", ["Input.OrganizationName"] = "us navy" });
        Assert.Equal(2, await _app.WithDbAsync(user.Id, db => db.Organizations.CountAsync()));
    }

    [Theory]
    [InlineData("Input.Emails[0].Value", "ADA@Example.com", "the same email address (ada@example.com)")]
    [InlineData("Input.LinkedInUrl", "https://linkedin.com/in/Ada-Lovelace/?trk=x", "the same LinkedIn profile")]
    [InlineData("Input.OrganizationName", "analytical engines", "a very similar name at Analytical Engines")]
    public async Task Adding_someone_already_there_warns_links_to_them_and_saves_only_when_asked_to(string field, string value, string reason)
    {
        var user = await _app.SignUpAsync();
        var ada = await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Analytical Engines", c =>
        {
            c.LinkedInUrl = "https://www.linkedin.com/in/ada-lovelace";
            c.Emails.Add(new ContactEmail { Address = "ada@example.com", NormalizedAddress = "ada@example.com" });
        });
        await _app.AddContactAsync(user.Id, "Adam", "Lovelace", "Elsewhere");

        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new() { ["Input.FirstName"] = "Ada", ["Input.LastName"] = "Lovelase", [field] = value });
        var warned = await HtmlPage.ReadAsync(response, "/people/new");
        var warning = warned.Document.QuerySelector("#already-there")!;
        Assert.Equal($"/people/{ada}", warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(reason, warning.TextContent);
        Assert.Single(warning.QuerySelectorAll("li"));
        Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync(c => c.FirstName == "Ada")));
        // What was typed is kept, and "Save anyway" (a plain submit button) saves it as a separate contact.
        Assert.Equal("Lovelase", warned.Document.QuerySelector<IHtmlInputElement>("#Input_LastName")!.Value);
        var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(warned, "main form", new() { ["SaveAnyway"] = "true" }));
        Assert.Equal("Ada Lovelase is added.", saved.Status);
        Assert.Equal(2, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync(c => c.FirstName == "Ada")));
    }

    [Fact]
    public async Task Adding_someone_new_saves_at_once_without_a_warning()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Analytical Engines");
        var response = await AddAsync(user.Client, new() { ["Input.FirstName"] = "Charles", ["Input.LastName"] = "Babbage", ["Input.OrganizationName"] = "Analytical Engines" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Editing_changes_the_contact_and_keeps_what_was_not_touched()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Alan", "Turing", "Bletchley Park", c =>
            c.Emails.Add(new ContactEmail { Address = "alan@example.org", NormalizedAddress = "alan@example.org" }));
        var edit = await user.Client.GetPageAsync($"/people/{id}/edit");
        Assert.Equal("Alan", edit.Document.QuerySelector<IHtmlInputElement>("#Input_FirstName")!.Value);
        Assert.Equal("alan@example.org", edit.Document.QuerySelector<IHtmlInputElement>("#Input_Emails_0__Value")!.Value);
        var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(edit, "main form", new() { ["Input.Title"] = "Mathematician" }));
        Assert.Equal("Alan Turing is saved.", saved.Status);
        Assert.Contains("Mathematician", saved.Text);
        Assert.Contains("alan@example.org", saved.Text);
        Assert.Contains("Bletchley Park", saved.Text);
    }

    [Fact]
    public async Task Deleting_asks_first_then_deleting_forever_from_the_trash_removes_every_fact_about_the_person()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Temporary", "Person", "Acme", c =>
        {
            c.Emails.Add(new ContactEmail { Address = "t@example.org", NormalizedAddress = "t@example.org" });
            c.Phones.Add(new ContactPhone { Number = "123" });
            c.Tags.Add(ContactTag.Named("gone"));
            c.Events.Add(new ContactEvent { Kind = ContactEventKind.Added, Text = "Added", OccurredAtUtc = DateTime.UtcNow });
        });
        var referred = await _app.AddContactAsync(user.Id, "Referred", "Friend", more: c => c.ReferredById = id);
        var confirm = await user.Client.GetPageAsync($"/people/{id}/delete");
        Assert.Contains("trash", confirm.Text);
        Assert.Contains("30 days", confirm.Text);
        Assert.Contains("1 person they referred you to will stay", confirm.Text);

        var list = await user.Client.FollowAsync(await user.Client.SubmitAsync(confirm, "main form", []));
        Assert.Contains("Temporary Person is in the trash for 30 days", list.Status);
        var trash = await user.Client.GetPageAsync("/trash");
        await user.Client.SubmitAsync(trash, $"[data-trash-contact='{id}'] form[action*='PurgeContact']", []);

        var left = await _app.WithDbAsync(user.Id, async db => new[]
        {
            await db.ContactsWithTrash.CountAsync(c => c.Id == id),
            await db.ContactEmails.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(),
            await db.ContactPhones.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(),
            await db.ContactTags.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(),
            await db.ContactEvents.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(e => e.ContactId == id),
        });
        Assert.All(left, n => Assert.Equal(0, n));
        Assert.Null(await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == referred).Select(c => c.ReferredById).SingleAsync()));
        Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.Organizations.CountAsync()));
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "Input.FirstName", "", "Input.FirstName", "Enter the first name (or the only name)." },
        { "Input.FirstName", "    ", "Input.FirstName", "Enter the first name (or the only name)." },
        { "Input.FirstName", new string('n', 10_000), "Input.FirstName", "Use at most 200 characters." },
        { "Input.Emails[0].Value", "not-an-email", "Input.Emails[0].Value", "Enter an email address like name@example.com." },
        { "Input.Emails[0].Value", "Ada <ada@x.com>", "Input.Emails[0].Value", "Enter an email address like name@example.com." },
        { "Input.OrganizationName", new string('o', 201), "Input.OrganizationName", "Use at most 200 characters." },
        { "Input.LinkedInUrl", "javascript:alert(1)", "Input.LinkedInUrl", "Enter a LinkedIn profile address like https://www.linkedin.com/in/name." },
        { "Input.ReferredByName", "Nobody Known", "Input.ReferredByName", "No contact is named “Nobody Known”. Add them first, or leave this empty." },
        { "Input.FieldIds", "999999", "Input.FieldIds", "Choose career fields from the list." },
        { "Input.Tags", new string('t', 51), "Input.Tags", "A tag can have at most 50 characters." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_beside_its_field_keeps_the_typing_and_saves_nothing(string field, string value, string errorField, string message)
    {
        var user = await _app.SignUpAsync();
        var fields = new Dictionary<string, string> { ["Input.FirstName"] = "Valid", ["Input.Notes"] = "typed notes stay" };
        fields[field] = value;
        var response = await AddAsync(user.Client, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/people/new");
        Assert.Equal(message, page.ErrorFor(errorField));
        Assert.Equal("typed notes stay", page.Document.QuerySelector("#Input_Notes")!.TextContent.Trim());
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task A_tampered_antiforgery_token_is_refused_and_changes_nothing()
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new()
        {
            ["Input.FirstName"] = "Forged",
            ["__RequestVerificationToken"] = "CfDJ8-tampered-token",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task An_htmx_post_with_bad_input_answers_422_with_the_form_fragment()
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new() { ["Input.FirstName"] = "" }, new() { ["HX-Request"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = await HtmlPage.ReadAsync(response, "");
        Assert.NotNull(fragment.Document.QuerySelector("form#contact-form"));
        Assert.Equal("Enter the first name (or the only name).", fragment.ErrorFor("Input.FirstName"));
        Assert.DoesNotContain("<html", fragment.Html);
    }

    [Fact]
    public async Task An_htmx_post_that_saves_redirects_through_htmx()
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new() { ["Input.FirstName"] = "Mary", ["Input.LastName"] = "Jackson" }, new() { ["HX-Request"] = "true" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var page = await user.Client.GetPageAsync(response.Headers.GetValues("HX-Redirect").Single());
        Assert.Equal("Mary Jackson", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Names_and_notes_cannot_carry_script()
    {
        var user = await _app.SignUpAsync();
        var details = await user.Client.FollowAsync(await AddAsync(user.Client, new()
        {
            ["Input.FirstName"] = "<script>alert(1)</script>",
            ["Input.OrganizationName"] = "\"><img src=x onerror=alert(1)>",
            ["Input.Tags"] = "<b>bold</b>",
            ["Input.Notes"] = "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
        }));
        Assert.Equal("<script>alert(1)</script>", details.Document.QuerySelector("h1")!.TextContent);
        Assert.Empty(details.Document.QuerySelectorAll("main script, main img, main b, main [onerror]"));
        Assert.Empty(details.Document.QuerySelectorAll(".notes a[href^='javascript']"));
        Assert.Contains("click", details.Document.QuerySelector(".notes")!.TextContent);
    }

    [Fact]
    public async Task Referrer_suggestions_offer_matching_names_with_their_organization()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Amara", "Okafor", "Riverside Health");
        await _app.AddContactAsync(user.Id, "Amaru", "Quispe");
        var response = await user.Client.GetAsync("/people/suggest?Input.ReferredByName=amar", new() { ["HX-Request"] = "true" });
        var page = await HtmlPage.ReadAsync(response, "");
        Assert.Equal(["Amara Okafor (Riverside Health)", "Amaru Quispe"], page.Document.QuerySelectorAll("option").Select(o => o.GetAttribute("value")!));
    }

    [Fact]
    public async Task A_suggested_referrer_is_found_even_when_their_organization_has_brackets()
    {
        var user = await _app.SignUpAsync();
        var referrer = await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Acme (UK)");
        await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Acme");
        var suggestions = await HtmlPage.ReadAsync(await user.Client.GetAsync("/people/suggest?Input.ReferredByName=ada", new() { ["HX-Request"] = "true" }), "");
        var offered = suggestions.Document.QuerySelectorAll("option").Select(o => o.GetAttribute("value")!).ToList();
        Assert.Contains("Ada Lovelace (Acme (UK))", offered);
        await AddAsync(user.Client, new() { ["Input.FirstName"] = "Grace", ["Input.ReferredByName"] = "Ada Lovelace (Acme (UK))" });
        Assert.Equal(referrer, await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Grace").Select(c => c.ReferredById).SingleAsync()));
    }

    [Fact]
    public async Task One_persons_data_exports_as_json_and_vcard()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Zoë", "Saldaña", "Harbor Museum", c => c.Notes = "Kind; helpful, \"direct\"");
        var json = await user.Client.GetAsync($"/people/{id}/export/json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var document = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Zoë", document.GetProperty("FirstName").GetString());
        Assert.Equal("Harbor Museum", document.GetProperty("Organization").GetString());
        var vcard = await user.Client.GetAsync($"/people/{id}/export/vcf");
        var text = await vcard.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0", text);
        Assert.Contains("FN:Zoë Saldaña", text);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/people/{id}/export/exe")).StatusCode);
    }
}
