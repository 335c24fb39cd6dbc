using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

/// <summary>Taking everything out: the whole network as CSV or vCard, written part by part.</summary>
public class ExportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    // More than two of the parts the export reads at a time, so the seams between parts are crossed.
    private const int People = 1_203;

    // The people on either side of the seam between parts (1,000 a part), and one in the middle, have everything.
    private static readonly int[] PeopleWithEverything = [500, 999, 1000];
    private static readonly Guid ReferrerUid = new("00000000-0000-4000-8000-00000000aaaa");

    /// <summary>Many plain people; with <paramref name="everything"/>, some have everything, and one more person, who
    /// referred them, sorts after them all (so person i is still about the i-th in the file).</summary>
    private async Task<SignedInUser> UserWithManyPeopleAsync(bool everything = false)
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            var fields = new[] { "UX research", "Data analysis" }.Select(name =>
            {
                var field = new CareerField();
                field.Rename(name);
                return field;
            }).ToList();
            var referrer = new Contact { FirstName = "Zora", LastName = "Referrer", Uid = ReferrerUid };
            // In the trash: neither they nor their emails are exported, and nobody shows them as their referrer.
            var goneReferrer = new Contact { FirstName = "Gone", LastName = "Referrer", DeletedAtUtc = _app.Clock.GetUtcNow().UtcDateTime };
            if (everything)
            {
                foreach (var c in new[] { referrer, goneReferrer })
                {
                    c.Emails.Add(new ContactEmail { Address = $"{c.FirstName}@example.com", NormalizedAddress = $"{c.FirstName.ToLowerInvariant()}@example.com" });
                    c.RefreshSearch(null);
                    db.Contacts.Add(c);
                }
            }
            for (var i = 0; i < People; i++)
            {
                // Pairs with the same name, so the order also rests on the id where names tie.
                var contact = new Contact { FirstName = "Person", LastName = $"Number {i / 2:0000}", Title = i == 7 ? "=HYPERLINK(\"x\")" : null };
                if (everything && PeopleWithEverything.Contains(i)) WithEverything(contact, i, fields, i == 500 ? goneReferrer : referrer);
                contact.RefreshSearch(contact.Organization?.Name);
                db.Contacts.Add(contact);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        return user;
    }

    /// <summary>Every list twice or more, added out of order, and text that needs escaping and folding.</summary>
    private static void WithEverything(Contact c, int i, List<CareerField> fields, Contact referrer)
    {
        c.Uid = new Guid($"00000000-0000-4000-8000-{i:000000000000}");
        c.Title = "Curator; research, design";
        c.City = "Lisbon";
        c.Organization = new Organization();
        c.Organization.Rename($"Harbor Museum {i}");
        c.LinkedInUrl = $"https://www.linkedin.com/in/person-{i}";
        c.Source = ContactSource.Referral;
        c.ReferredBy = referrer;
        c.AlumniOf = "Porto School of Design";
        c.Priority = Priority.High;
        c.DoNotContact = i % 2 == 0;
        c.Notes = "Met at the museum.\nLikes long walks, maps; and \\ backslashes.";
        c.ConnectedOn = new DateOnly(2025, 12, 7);
        c.LastContactedOn = new DateOnly(2026, 10, 1);
        c.LinkedInCompany = "Harbor Museum";
        c.LinkedInPosition = "Designer";
        c.Emails.Add(new ContactEmail { Address = $"zed{i}@example.com", NormalizedAddress = $"zed{i}@example.com", Label = "work" });
        c.Emails.Add(new ContactEmail { Address = $"amy{i}@example.com", NormalizedAddress = $"amy{i}@example.com" });
        c.Phones.Add(new ContactPhone { Number = "+351 21 999 0000", Label = "mobile" });
        c.Phones.Add(new ContactPhone { Number = "+351 21 111 0000" });
        c.Tags.Add(ContactTag.Named("Zeta"));
        c.Tags.Add(ContactTag.Named("alpha, beta"));
        c.Tags.Add(ContactTag.Named("Mid"));
        foreach (var field in fields) c.Fields.Add(new ContactField { CareerField = field });
        var at = new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        c.Events.Add(new ContactEvent { Kind = ContactEventKind.Interaction, OccurredAtUtc = at, Text = "Second of two at the same time" });
        c.Events.Add(new ContactEvent { Kind = ContactEventKind.JobChange, OccurredAtUtc = at.AddDays(-30), Text = "Moved from A to B" });
        c.Events.Add(new ContactEvent { Kind = ContactEventKind.Interaction, OccurredAtUtc = at, Text = "Third, a long note: " + string.Join(", ", Enumerable.Repeat("café", 20)) });
    }

    [Fact]
    public async Task The_csv_export_holds_every_person_once_in_name_order_and_nobody_elses()
    {
        var other = await _app.SignUpAsync();
        await _app.AddContactAsync(other.Id, "Not", "Mine");
        var user = await UserWithManyPeopleAsync();

        var response = await user.Client.GetAsync("/import?handler=ContactsCsv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rapport-contacts.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFFirst Name,Last Name,", text);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(People, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("Mine"));
        var expected = await _app.WithDbAsync(user.Id, db => db.Contacts.OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Select(c => c.LastName).ToListAsync());
        Assert.Equal(expected, lines.Select(l => l.Split(',')[1]));
        Assert.Contains(lines, l => l.Contains("'=HYPERLINK"));
    }

    [Fact]
    public async Task The_csv_export_imports_back_with_each_name_as_a_spreadsheet_shows_it()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Ada", "Lovelace; Byron", more: c => c.ConnectedOn = new DateOnly(2024, 3, 15));
        await _app.AddContactAsync(user.Id, "=1+1", "Acme;=1+5;x");
        var csv = await (await user.Client.GetAsync("/import?handler=ContactsCsv")).Content.ReadAsByteArrayAsync();

        // The import reads LinkedIn's columns, and the export's names and "Connected On" are among them.
        var other = await _app.SignUpAsync();
        var form = await other.Client.GetPageAsync("/import");
        var preview = await other.Client.FollowAsync(await other.Client.UploadAsync(form, "form[action*='handler=LinkedIn']", "rapport-contacts.csv", csv));
        Assert.Empty(preview.Document.QuerySelectorAll("[aria-labelledby=rejected-heading] li"));
        await other.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);

        var people = await _app.WithDbAsync(other.Id, db => db.Contacts.OrderBy(c => c.FirstName)
            .Select(c => new { c.FirstName, c.LastName, c.ConnectedOn }).ToListAsync());
        // A neutralised value comes back as a spreadsheet shows it: a ' before each formula start, never a formula.
        Assert.Equal([("'=1+1", "Acme;'=1+5;x", (DateOnly?)null), ("Ada", "Lovelace; Byron", new DateOnly(2024, 3, 15))],
            people.Select(p => (p.FirstName, p.LastName, p.ConnectedOn)));
    }

    [Fact]
    public async Task The_vcard_export_holds_one_card_for_every_person()
    {
        var user = await UserWithManyPeopleAsync();
        var response = await user.Client.GetAsync("/import?handler=ContactsVCard");
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(People, text.Split("BEGIN:VCARD\r\n").Length - 1);
        Assert.Equal(People, text.Split("END:VCARD\r\n").Length - 1);
        var uids = text.Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();
        Assert.Equal(People, uids.Distinct().Count());
    }

    [Fact]
    public async Task People_with_everything_export_the_same_on_either_side_of_a_seam_between_parts()
    {
        var user = await UserWithManyPeopleAsync(everything: true);

        var vcard = await (await user.Client.GetAsync("/import?handler=ContactsVCard")).Content.ReadAsStringAsync();
        var csv = Encoding.UTF8.GetString(await (await user.Client.GetAsync("/import?handler=ContactsCsv")).Content.ReadAsByteArrayAsync());

        var cards = vcard.Split("BEGIN:VCARD\r\n")[1..].Select(c => "BEGIN:VCARD\r\n" + c).ToList();
        Assert.Equal(People + 1, cards.Count);
        foreach (var i in PeopleWithEverything)
        {
            var at = cards.FindIndex(c => c.Contains($"UID:urn:uuid:00000000-0000-4000-8000-{i:000000000000}", StringComparison.Ordinal));
            // Each shares a name with one other person: which of the two comes first rests on ids, but both sit on the same side of a seam.
            Assert.Equal(i / 2, at / 2);
            Assert.Equal(ExpectedCard(i), cards[at]);
        }
        Assert.DoesNotContain("Gone", vcard);

        var rows = csv.Split("\r\n")[1..];
        foreach (var i in PeopleWithEverything)
        {
            var at = Array.FindIndex(rows, r => r.Contains($",Harbor Museum {i},", StringComparison.Ordinal));
            Assert.Equal(i / 2, at / 2);
            Assert.Equal(ExpectedRow(i), rows[at]);
        }
        Assert.Equal(People + 1, rows.Count(r => r.Length > 0));
        Assert.DoesNotContain("Gone", csv);
    }

    // As the export wrote them before it read plain rows; a line per property, long ones folded at 75 octets.
    private static string ExpectedCard(int i)
    {
        var doNotContact = i % 2 == 0 ? "X-RAPPORT-DO-NOT-CONTACT:true\n" : "";
        var referredBy = i == 500 ? "" : $"X-RAPPORT-REFERRED-BY:urn:uuid:{ReferrerUid}\n";
        return $"""
            BEGIN:VCARD
            VERSION:4.0
            UID:urn:uuid:00000000-0000-4000-8000-{i:000000000000}
            FN:Person Number {i / 2:0000}
            N:Number {i / 2:0000};Person;;;
            ORG:Harbor Museum {i}
            TITLE:Curator; research\, design
            EMAIL;TYPE=work:zed{i}@example.com
            EMAIL:amy{i}@example.com
            TEL;TYPE=mobile;VALUE=text:+351 21 999 0000
            TEL;VALUE=text:+351 21 111 0000
            ADR:;;;Lisbon;;;
            URL;TYPE=linkedin:https://www.linkedin.com/in/person-{i}
            CATEGORIES:alpha\, beta,Mid,Zeta
            NOTE:Met at the museum.\nLikes long walks\, maps; and \\ backslashes.
            X-RAPPORT-SOURCE:Referral
            X-RAPPORT-PRIORITY:High
            {doNotContact}X-RAPPORT-ALUMNI-OF:Porto School of Design
            X-RAPPORT-FIELD:Data analysis
            X-RAPPORT-FIELD:UX research
            {referredBy}X-RAPPORT-CONNECTED-ON:2025-12-07
            X-RAPPORT-LAST-CONTACT:2026-10-01
            X-RAPPORT-LINKEDIN-COMPANY:Harbor Museum
            X-RAPPORT-LINKEDIN-POSITION:Designer
            X-RAPPORT-EVENT;KIND=JobChange;AT="2026-04-01T08:00:00Z":Moved from A to B
            X-RAPPORT-EVENT;KIND=Interaction;AT="2026-05-01T08:00:00Z":Second of two at
              the same time
            X-RAPPORT-EVENT;KIND=Interaction;AT="2026-05-01T08:00:00Z":Third\, a long n
             ote: café\, café\, café\, café\, café\, café\, café\, café\, café
             \, café\, café\, café\, café\, café\, café\, café\, café\, café\,
              café\, café
            END:VCARD

            """.ReplaceLineEndings("\r\n");
    }

    private static string ExpectedRow(int i) =>
        $"Person,Number {i / 2:0000},\"Curator; research, design\",Harbor Museum {i},Lisbon,\"work: zed{i}@example.com; amy{i}@example.com\","
        + $"\"mobile: +351 21 999 0000; +351 21 111 0000\",https://www.linkedin.com/in/person-{i},Referral,{(i == 500 ? "" : "Zora Referrer")},"
        + $"Porto School of Design,\"Data analysis; UX research\",\"alpha, beta; Mid; Zeta\",High,{(i % 2 == 0 ? "yes" : "no")},2025-12-07,2026-10-01,"
        + "\"Met at the museum.\nLikes long walks, maps; and \\ backslashes.\",2026-11-27 15:00:00Z,2026-11-27 15:00:00Z";
}
