using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

public class VCardImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private async Task<HtmlPage> UploadAsync(AppClient client, string fileName, byte[] content)
    {
        var page = await client.GetPageAsync("/import");
        var response = await client.UploadAsync(page, "form[action*='handler=VCard']", fileName, content);
        return response.StatusCode == HttpStatusCode.Redirect ? await client.FollowAsync(response) : await HtmlPage.ReadAsync(response, "/import");
    }

    private static Task<HttpResponseMessage> ConfirmAsync(AppClient client, HtmlPage preview) =>
        client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);

    private const string PhoneExport = """
        BEGIN:VCARD
        VERSION:3.0
        FN:Ada Lovelace
        N:Lovelace;Ada;;;
        ORG:Analytical Engines\, Ltd;Research
        TITLE:Mathematician
        item1.EMAIL;type=INTERNET;type=pref:ada@example.com
        item1.X-ABLabel:Lab
        EMAIL;TYPE=HOME:ada.home@example.org
        TEL;TYPE=CELL:+44 20 7946 0000
        URL:https://uk.linkedin.com/in/Ada-Lovelace/
        ADR;TYPE=WORK:;;12 Engine St;London;;;UK
        NOTE:Wrote the first program.\nAsk about Babbage\, politely.
        CATEGORIES:math,history
        END:VCARD
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Salda=C3=B1a;Zo=C3=AB;;;
        TEL;WORK;VOICE:555-0100
        END:VCARD
        """;

    [Fact]
    public async Task A_phone_export_imports_names_emails_phones_organization_and_notes()
    {
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, "contacts.vcf", Encoding.UTF8.GetBytes(PhoneExport.Replace("\n", "\r\n")));
        Assert.Contains("2", preview.Document.QuerySelector(".stats article")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(user.Client, preview)).StatusCode);
        var ada = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Ada").Select(c => new
        {
            c.LastName, c.Title, Org = c.Organization!.Name, c.City, c.LinkedInUrl, c.Notes,
            Emails = c.Emails.OrderBy(e => e.Id).Select(e => e.Label + ":" + e.Address).ToList(),
            Phones = c.Phones.Select(p => p.Number).ToList(),
            Tags = c.Tags.Select(t => t.Name).OrderBy(t => t).ToList(),
        }).SingleAsync());
        Assert.Equal("Lovelace", ada.LastName);
        Assert.Equal("Analytical Engines, Ltd", ada.Org);
        Assert.Equal("London", ada.City);
        Assert.Equal("https://www.linkedin.com/in/ada-lovelace", ada.LinkedInUrl);
        Assert.Equal("Wrote the first program.\nAsk about Babbage, politely.", ada.Notes);
        Assert.Equal(["Lab:ada@example.com", "HOME:ada.home@example.org"], ada.Emails);
        Assert.Equal(["+44 20 7946 0000"], ada.Phones);
        Assert.Equal(["history", "math"], ada.Tags);
        var zoe = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.LastName == "Saldaña").Select(c => new { c.FirstName, Phone = c.Phones.Single().Number }).SingleAsync());
        Assert.Equal(("Zoë", "555-0100"), (zoe.FirstName, zoe.Phone));
    }

    [Fact]
    public async Task A_vcard_4_tel_uri_is_stored_as_the_number_linked_once_and_exported_as_a_tel_uri()
    {
        var user = await _app.SignUpAsync();
        const string card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Haruto Sato\r\nN:Sato;Haruto;;;\r\n"
            + "TEL;VALUE=uri;TYPE=work:tel:+81-3-5555-0101\r\nTEL;TYPE=cell:+81 90 1234 5678\r\nEND:VCARD\r\n";
        var preview = await UploadAsync(user.Client, "sato.vcf", Encoding.UTF8.GetBytes(card));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(user.Client, preview)).StatusCode);
        var haruto = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Haruto")
            .Select(c => new { c.Id, Phones = c.Phones.OrderBy(p => p.Id).Select(p => p.Number).ToList() }).SingleAsync());
        Assert.Equal(["+81-3-5555-0101", "+81 90 1234 5678"], haruto.Phones);

        var page = await user.Client.GetPageAsync($"/people/{haruto.Id}");
        Assert.Contains("tel:+81-3-5555-0101", page.Document.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("tel:tel:", StringComparison.Ordinal));

        // The export is vCard 4.0: a number that is a tel: URI as written goes out as one; a number with spaces stays text.
        var exported = await (await user.Client.GetAsync("/import?handler=ContactsVCard")).Content.ReadAsStringAsync();
        var tels = IcalJs.Cards(exported).Single().Where(p => p[0].GetString() == "tel").ToList();
        Assert.Equal(["uri:tel:+81-3-5555-0101", "text:+81 90 1234 5678"], tels.Select(t => t[2].GetString() + ":" + t[3].GetString()));
    }

    [Fact]
    public async Task Photos_of_every_vcard_version_are_kept_shown_and_exported_and_the_ones_not_kept_are_named()
    {
        var user = await _app.SignUpAsync();
        var png = Convert.ToBase64String(TestImages.Png);
        var large = Convert.ToBase64String(TestImages.Jpeg(600 * 1024));
        var notAnImage = Convert.ToBase64String(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));
        // vCard 2.1 writes base64 on unindented lines of their own, ended by an empty line.
        var file = string.Join("\r\n",
            "BEGIN:VCARD", "VERSION:2.1", "N:Old;Olga;;;", "PHOTO;PNG;ENCODING=BASE64:", png[..40], png[40..], "", "END:VCARD",
            "BEGIN:VCARD", "VERSION:3.0", "FN:Tomás Three", "N:Three;Tomás;;;", "PHOTO;ENCODING=b;TYPE=PNG:" + png, "END:VCARD",
            "BEGIN:VCARD", "VERSION:4.0", "FN:Fern Four", "N:Four;Fern;;;", "PHOTO:data:image/png;base64," + png, "END:VCARD",
            "BEGIN:VCARD", "VERSION:4.0", "FN:Lars Large", "N:Large;Lars;;;", "PHOTO:data:image/jpeg;base64," + large, "END:VCARD",
            "BEGIN:VCARD", "VERSION:3.0", "FN:Nina Notimage", "N:Notimage;Nina;;;", "PHOTO;ENCODING=b;TYPE=JPEG:" + notAnImage, "END:VCARD",
            "BEGIN:VCARD", "VERSION:4.0", "FN:Pat Plain", "N:Plain;Pat;;;", "END:VCARD", "");
        var preview = await UploadAsync(user.Client, "photos.vcf", Encoding.UTF8.GetBytes(file));
        var notes = preview.Document.QuerySelectorAll("details li").Select(li => li.TextContent).ToList();
        Assert.Contains(notes, n => n.Contains("photo of Lars Large is larger than 512 KB (600 KB)") && n.Contains("not kept"));
        Assert.Contains(notes, n => n.Contains("photo of Nina Notimage is not a JPEG, PNG, GIF or WebP image"));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(user.Client, preview)).StatusCode);

        var people = await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => new { c.Id, c.FirstName, HasPhoto = c.Photo != null }).ToListAsync());
        Assert.Equal(["Fern", "Olga", "Tomás"], people.Where(p => p.HasPhoto).Select(p => p.FirstName).Order());
        var olga = people.Single(p => p.FirstName == "Olga").Id;
        var pat = people.Single(p => p.FirstName == "Pat").Id;

        // Served to its owner as the image it is, from this site; to anyone else, nothing.
        var photo = await user.Client.GetAsync($"/people/{olga}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Png, await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/people/{pat}/photo")).StatusCode);
        var stranger = await _app.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/people/{olga}/photo")).StatusCode);

        // The contact page and the list show the photo, or the initials of someone without one.
        var page = await user.Client.GetPageAsync($"/people/{olga}");
        Assert.Equal($"/people/{olga}/photo", page.Document.QuerySelector(".page-head img.avatar")!.GetAttribute("src"));
        Assert.Equal("PP", (await user.Client.GetPageAsync($"/people/{pat}")).Document.QuerySelector(".page-head .avatar")!.TextContent.Trim());
        var list = await user.Client.GetPageAsync("/people");
        Assert.Equal(3, list.Document.QuerySelectorAll(".contact-list img.avatar").Length);
        Assert.Equal(["LL", "NN", "PP"], list.Document.QuerySelectorAll(".contact-list span.avatar").Select(a => a.TextContent.Trim()).Order());

        // Exported back as vCard 4.0 data: URIs, which an independent parser reads as the same bytes.
        var exported = await (await user.Client.GetAsync("/import?handler=ContactsVCard")).Content.ReadAsStringAsync();
        var photos = IcalJs.Cards(exported).Select(card => card.FirstOrDefault(p => p[0].GetString() == "photo"))
            .Where(p => p.ValueKind != System.Text.Json.JsonValueKind.Undefined).Select(p => p[3].GetString()).ToList();
        Assert.Equal(3, photos.Count);
        Assert.All(photos, uri => Assert.Equal("data:image/png;base64," + png, uri));
    }

    [Fact]
    public async Task A_tag_with_its_own_cadence_brought_by_an_import_makes_the_keep_in_touch_task_at_once()
    {
        var user = await _app.SignUpAsync();
        // Keeping in touch is off, except with mentors: every 30 days.
        await user.Client.KeepInTouchOnlyWithAsync("Mentor", 30);
        // Amara Okafor, met yesterday, among the sample contacts; not a mentor yet, so no reminder to keep in touch.
        await _app.Services.RunOutsideRequestAsync(user.Id, services => services.GetRequiredService<DemoData>().AddSampleContactsAsync());
        var amara = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Amara").Select(c => c.Id).SingleAsync());
        Assert.Contains("Send a thank-you note to Amara Okafor", (await user.Client.GetPageAsync($"/people/{amara}")).Text);
        Assert.DoesNotContain("Keep in touch with Amara Okafor", (await user.Client.GetPageAsync($"/people/{amara}")).Text);

        var card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Amara;;;\r\nFN:Amara Okafor\r\nEMAIL:amara.okafor@example.com\r\nCATEGORIES:mentor\r\nEND:VCARD\r\n";
        var preview = await UploadAsync(user.Client, "phone.vcf", Encoding.UTF8.GetBytes(card));
        var people = await user.Client.FollowAsync(await ConfirmAsync(user.Client, preview));

        Assert.Contains("1 person added or updated", people.Status);
        var page = await user.Client.GetPageAsync($"/people/{amara}");
        Assert.Contains("mentor", page.Text);
        Assert.Contains("Keep in touch with Amara Okafor", page.Text);
        Assert.Contains("Keep in touch with Amara Okafor", (await user.Client.GetPageAsync("/follow-ups")).Text);
        var due = await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Where(t => t.ContactId == amara && t.Kind == TaskKind.KeepInTouch && t.DoneAtUtc == null && t.DismissedAtUtc == null)
            .Select(t => t.DueUtc).SingleAsync());
        // Thirty days after the meeting of yesterday (26 November), at 09:00 in Berlin.
        Assert.Equal(new DateTime(2026, 12, 26, 8, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public async Task A_card_that_puts_a_known_contact_somewhere_new_keeps_the_job_they_left_once()
    {
        var user = await _app.SignUpAsync();
        var ada = await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Analytical Engines", c =>
        {
            c.Title = "Mathematician";
            c.Emails.Add(new ContactEmail { Address = "ada@example.com", NormalizedAddress = "ada@example.com" });
        });
        var card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.com\r\nORG:Difference Engines\r\nTITLE:Director\r\nEND:VCARD\r\n";
        var preview = await UploadAsync(user.Client, "phone.vcf", Encoding.UTF8.GetBytes(card));
        // The preview says so before anything is saved, as a LinkedIn import's does.
        var moves = preview.Document.QuerySelector("section[aria-labelledby=jobs-heading]");
        Assert.NotNull(moves);
        Assert.Equal(["Ada Lovelace: Moved from Mathematician at Analytical Engines to Director at Difference Engines"],
            moves.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(user.Client, preview)).StatusCode);
        // The same card again finds her at Difference Engines already: nothing to import, no second move.
        Assert.Contains("There is nothing new to import from this file.", (await UploadAsync(user.Client, "phone.vcf", Encoding.UTF8.GetBytes(card))).Text);

        var past = await _app.WithDbAsync(user.Id, db => db.PastPositions.Select(p => new { p.ContactId, p.OrganizationName, p.Title }).ToListAsync());
        Assert.Equal([new { ContactId = ada, OrganizationName = "Analytical Engines", Title = (string?)"Mathematician" }], past);
        var page = await user.Client.GetPageAsync($"/people/{ada}");
        Assert.Contains("Moved from Mathematician at Analytical Engines to Director at Difference Engines", page.Text);
    }

    [Fact]
    public async Task Rapports_own_export_imports_into_another_account_with_nothing_lost()
    {
        var source = await _app.SignUpAsync();
        var fieldId = await _app.WithDbAsync(source.Id, async db =>
        {
            var field = new CareerField();
            field.Rename("UX research");
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        var referrer = await _app.AddContactAsync(source.Id, "Amara", "Okafor", "Riverside; Health, Partners");
        await _app.AddContactAsync(source.Id, "Zoë", "Saldaña", "Harbor Museum", c =>
        {
            c.Title = "Exhibit designer";
            c.City = "Lisbon";
            c.LinkedInUrl = "https://www.linkedin.com/in/zoe-s";
            c.Source = ContactSource.Referral;
            c.ReferredById = referrer;
            c.AlumniOf = "State University";
            c.Priority = Priority.High;
            c.DoNotContact = true;
            c.Notes = "Line one\nLine two; with \\ backslash, comma";
            c.ConnectedOn = new DateOnly(2025, 12, 7);
            c.LastContactedOn = new DateOnly(2026, 10, 1);
            c.LinkedInCompany = "Harbor Museum";
            c.LinkedInPosition = "Designer";
            c.Emails.Add(new ContactEmail { Address = "zoe@example.com", NormalizedAddress = "zoe@example.com", Label = "Work" });
            c.Phones.Add(new ContactPhone { Number = "+351 21 000 0000", Label = "mobile" });
            c.Tags.Add(ContactTag.Named("curator, track"));
            c.Tags.Add(ContactTag.Named("Lisbon"));
            c.Fields.Add(new ContactField { CareerFieldId = fieldId });
            c.Events.Add(new ContactEvent { Kind = ContactEventKind.JobChange, Text = "Moved from A to B", OccurredAtUtc = new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc) });
        });
        var exported = await source.Client.GetAsync("/import?handler=ContactsVCard");
        var file = await exported.Content.ReadAsByteArrayAsync();

        var target = await _app.SignUpAsync();
        var preview = await UploadAsync(target.Client, "rapport-contacts.vcf", file);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(target.Client, preview)).StatusCode);

        var original = await ExportJsonAsync(source, "Zoë");
        var copy = await ExportJsonAsync(target, "Zoë");
        Assert.Equal(original, copy);
        Assert.Equal(await ExportJsonAsync(source, "Amara"), await ExportJsonAsync(target, "Amara"));

        // Importing the same file again into the same account changes nothing.
        var again = await UploadAsync(target.Client, "rapport-contacts.vcf", file);
        Assert.Contains("nothing new to import", again.Text);
        Assert.Equal(2, await _app.WithDbAsync(target.Id, db => db.Contacts.CountAsync()));
    }

    /// <summary>The one-person JSON export, minus what differs between accounts by nature: times stamped on
    /// save, and the "imported" entry the import itself adds to the timeline.</summary>
    private async Task<string> ExportJsonAsync(SignedInUser user, string firstName)
    {
        var id = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == firstName).Select(c => c.Id).SingleAsync());
        var json = System.Text.Json.Nodes.JsonNode.Parse(await (await user.Client.GetAsync($"/people/{id}/export/json")).Content.ReadAsStringAsync())!.AsObject();
        json.Remove("Added");
        json.Remove("Changed");
        var timeline = json["Timeline"]!.AsArray();
        foreach (var entry in timeline.Where(e => (string?)e!["Kind"] == "Imported").ToList()) timeline.Remove(entry);
        return json.ToJsonString();
    }

    [Theory]
    [InlineData("", "Choose a file to upload")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "iCalendar")]
    [InlineData("hello there", "not a vCard")]
    public async Task A_file_that_is_not_a_vcard_gets_a_clear_message(string content, string message)
    {
        var user = await _app.SignUpAsync();
        var page = await UploadAsync(user.Client, "contacts.vcf", Encoding.UTF8.GetBytes(content));
        Assert.Contains(message, page.Text);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task A_broken_card_is_named_by_line_and_blocks_the_import()
    {
        var user = await _app.SignUpAsync();
        var content = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Good Card\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Never Ends\r\n";
        var preview = await UploadAsync(user.Client, "contacts.vcf", Encoding.UTF8.GetBytes(content));
        Assert.Contains("Line 5", preview.Document.QuerySelector("#rejected-heading")!.ParentElement!.TextContent);
        var refused = await ConfirmAsync(user.Client, preview);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }
}
