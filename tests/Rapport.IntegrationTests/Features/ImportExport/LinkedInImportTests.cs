using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

public class LinkedInImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static readonly byte[] FirstExport = Uploads.ConnectionsCsv(
        "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,15 Mar 2024",
        "Grace,Hopper,https://www.linkedin.com/in/gracehopper,grace@example.org,US Navy,\"Rear Admiral, retired\",07 Dec 2025",
        ",,,,,,",
        "Zoë,Saldaña,https://uk.linkedin.com/in/zoe-s/?trk=p,,\"Harbor Museum\",Exhibit designer,1 Jan 2026");

    private async Task<HtmlPage> UploadAsync(AppClient client, string fileName, byte[] content)
    {
        var page = await client.GetPageAsync("/import");
        var response = await client.UploadAsync(page, "form[action*='handler=LinkedIn']", fileName, content);
        if (response.StatusCode == HttpStatusCode.Redirect) return await client.FollowAsync(response);
        return await HtmlPage.ReadAsync(response, "/import");
    }

    private static int Stat(HtmlPage preview, string label) =>
        int.Parse(preview.Document.QuerySelectorAll(".stats article").Single(a => a.TextContent.Trim().EndsWith(label)).QuerySelector(".stat-value")!.TextContent,
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> CountAsync(string ownerId) => _app.WithDbAsync(ownerId, db => db.Contacts.CountAsync());

    [Fact]
    public async Task A_real_export_previews_then_imports_people_organizations_and_dates()
    {
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, "Connections.csv", FirstExport);
        Assert.Equal(3, Stat(preview, "new"));
        Assert.Equal(0, Stat(preview, "rejected"));
        Assert.Contains("1 empty row is skipped", preview.Text);
        Assert.Contains("3 new organizations", preview.Text);
        Assert.Equal(0, await CountAsync(user.Id));

        var people = await user.Client.FollowAsync(await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []));
        Assert.Contains("3 people added or updated", people.Status);
        var grace = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Grace")
            .Select(c => new { c.Source, c.ConnectedOn, c.Title, Org = c.Organization!.Name, c.LinkedInUrl, Email = c.Emails.Single().Address }).SingleAsync());
        Assert.Equal(ContactSource.LinkedIn, grace.Source);
        Assert.Equal(new DateOnly(2025, 12, 7), grace.ConnectedOn);
        Assert.Equal("Rear Admiral, retired", grace.Title);
        Assert.Equal("US Navy", grace.Org);
        Assert.Equal("grace@example.org", grace.Email);
        Assert.Equal("https://www.linkedin.com/in/zoe-s", await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Zoë").Select(c => c.LinkedInUrl).SingleAsync()));
        var search = await user.Client.GetPageAsync("/people?q=harbor");
        Assert.Equal(["Zoë Saldaña"], search.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Imported_people_sort_by_their_organization_in_the_people_table_as_an_organization_already_known_spells_it()
    {
        var user = await FourPeopleFirstAsync();
        var preview = await UploadAsync(user.Client, "Connections.csv", FirstExport);
        await user.Client.FollowAsync(await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []));

        // The sort keys are written with the rows: each is what a refresh from the rows finds, and a refresh writes none.
        var keys = await _app.WithDbAsync(user.Id, db => db.Contacts.OrderBy(c => c.Id)
            .Select(c => new { c.FirstName, c.OrganizationKey, Stored = c.Organization!.NormalizedName, c.LatestStage, c.NextTaskId }).ToListAsync());
        Assert.All(keys, k => Assert.Equal(k.Stored, k.OrganizationKey));
        Assert.All(keys, k => Assert.Null(k.LatestStage));
        Assert.Equal("us navy", keys.Single(k => k.FirstName == "Grace").OrganizationKey);
        Assert.Null(keys.Single(k => k.FirstName == "Nell").OrganizationKey);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => Rapport.Data.ContactSummaries.OfAccountAsync(db, user.Id)));

        var table = await user.Client.GetPageAsync("/people?sort=Organization&dir=asc");
        Assert.Equal(["Ada Lovelace", "Zoë Saldaña", "Grace Hopper", "Nell Otherwise"],
            table.Document.QuerySelectorAll(".people-table a.name").Select(a => a.TextContent).ToArray());
    }

    // One person added by hand, with no organization, and "harbor museum" known already in another spelling.
    private async Task<SignedInUser> FourPeopleFirstAsync()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, db =>
        {
            db.Organizations.Add(new Organization { Name = "HARBOR  Museum", NormalizedName = Organization.Normalize("HARBOR  Museum") });
            db.Contacts.Add(new Contact { FirstName = "Nell", LastName = "Otherwise" });
            return db.SaveChangesAsync();
        });
        return user;
    }

    [Fact]
    public async Task People_imported_after_others_were_added_and_deleted_get_ids_of_their_own()
    {
        // Bulk inserts choose ids themselves: they must follow rows deleted and rows added by hand, by anyone.
        var other = await _app.SignUpAsync();
        await _app.AddContactAsync(other.Id, "Someone", "Else");
        var user = await _app.SignUpAsync();
        var gone = await _app.AddContactAsync(user.Id, "Soon", "Gone");
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/people/{gone}/delete"), "main form", []);
        await user.Client.SubmitAsync(await UploadAsync(user.Client, "Connections.csv", FirstExport), "main form:not([action*='Cancel'])", []);
        var byHand = await _app.AddContactAsync(user.Id, "Added", "Later");
        var more = Uploads.ConnectionsCsv("Katherine,Johnson,https://www.linkedin.com/in/kjohnson,,NASA,Mathematician,1 Feb 2026");
        await user.Client.SubmitAsync(await UploadAsync(user.Client, "Connections.csv", more), "main form:not([action*='Cancel'])", []);

        var ids = await _app.WithDbAsync(user.Id, db => db.Contacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.FirstName }).ToListAsync());
        Assert.Equal(["Ada", "Grace", "Zoë", "Added", "Katherine"], ids.Select(c => c.FirstName));
        Assert.All(ids, c => Assert.True(c.Id > gone));
        Assert.True(ids[^1].Id > byHand);
        var katherine = await user.Client.GetPageAsync($"/people/{ids[^1].Id}");
        Assert.Contains("Imported from LinkedIn", katherine.Text);
        Assert.Equal(["Katherine Johnson"], (await user.Client.GetPageAsync("/people?q=nasa")).Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent));
        Assert.Equal(1, await CountAsync(other.Id));
    }

    [Fact]
    public async Task A_big_export_imports_whole_and_again_changes_nothing()
    {
        // Past the size where the import refreshes PostgreSQL's statistics, inside the import's transaction.
        var rows = Enumerable.Range(0, 1_500).Select(i => $"Person{i},Number{i},https://www.linkedin.com/in/person-{i},,Company {i % 300},Role {i},1 Jan 2026").ToArray();
        var file = Uploads.ConnectionsCsv(rows);
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, "Connections.csv", file);
        Assert.Equal(1_500, Stat(preview, "new"));
        var people = await user.Client.FollowAsync(await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []));
        Assert.Contains("1,500 people added or updated", people.Status);
        Assert.Equal(1_500, await CountAsync(user.Id));
        Assert.Equal(300, await _app.WithDbAsync(user.Id, db => db.Organizations.CountAsync()));
        Assert.Equal(["Person1499 Number1499"], (await user.Client.GetPageAsync("/people?q=number1499")).Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent));
        var again = await UploadAsync(user.Client, "Connections.csv", file);
        Assert.Equal(1_500, Stat(again, "unchanged"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_duplicates_no_one()
    {
        var user = await _app.SignUpAsync();
        var first = await UploadAsync(user.Client, "Connections.csv", FirstExport);
        await user.Client.SubmitAsync(first, "main form:not([action*='Cancel'])", []);
        var again = await UploadAsync(user.Client, "Connections.csv", FirstExport);
        Assert.Equal(0, Stat(again, "new"));
        Assert.Equal(3, Stat(again, "unchanged"));
        Assert.Contains("nothing new to import", again.Text);
        Assert.Equal(3, await CountAsync(user.Id));
    }

    [Fact]
    public async Task Imported_people_keep_their_identity_through_a_vcard_export_and_back()
    {
        var user = await _app.SignUpAsync();
        await user.Client.SubmitAsync(await UploadAsync(user.Client, "Connections.csv", FirstExport), "main form:not([action*='Cancel'])", []);
        var vcard = await (await user.Client.GetAsync("/import?handler=ContactsVCard")).Content.ReadAsByteArrayAsync();

        // Matched by the UID the import gave each person: nothing new, nobody twice.
        var page = await user.Client.GetPageAsync("/import");
        var preview = await user.Client.FollowAsync(await user.Client.UploadAsync(page, "form[action*='handler=VCard']", "contacts.vcf", vcard));
        Assert.Equal(0, Stat(preview, "new"));
        Assert.Equal(3, await CountAsync(user.Id));
    }

    [Fact]
    public async Task A_newer_export_updates_people_notes_job_changes_and_matches_url_spellings_and_email()
    {
        var user = await _app.SignUpAsync();
        await user.Client.SubmitAsync(await UploadAsync(user.Client, "Connections.csv", FirstExport), "main form:not([action*='Cancel'])", []);
        var newer = Uploads.ConnectionsCsv(
            "Ada,Lovelace,http://linkedin.com/in/Ada-Lovelace/,,Difference Engines Ltd,Chief Mathematician,15 Mar 2024",
            "Grace,Hopper,,GRACE@example.org,US Navy,\"Rear Admiral, retired\",07 Dec 2025",
            "Katherine,Johnson,https://www.linkedin.com/in/kjohnson,,NASA,Mathematician,2 Feb 2026");
        var preview = await UploadAsync(user.Client, "Connections (1).csv", newer);
        Assert.Equal(1, Stat(preview, "new"));
        Assert.Equal(1, Stat(preview, "updated"));
        Assert.Equal(1, Stat(preview, "unchanged"));
        Assert.Contains("Moved from Mathematician at Analytical Engines to Chief Mathematician at Difference Engines Ltd", preview.Text);

        await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);
        Assert.Equal(4, await CountAsync(user.Id));
        var ada = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Ada")
            .Select(c => new { c.Id, c.Title, Org = c.Organization!.Name }).SingleAsync());
        Assert.Equal(("Chief Mathematician", "Difference Engines Ltd"), (ada.Title, ada.Org));
        var page = await user.Client.GetPageAsync($"/people/{ada.Id}");
        Assert.Contains("Moved from Mathematician at Analytical Engines", page.Document.QuerySelector(".timeline")!.TextContent);
        // The job left is kept as a row too: she is a warm path to her former employer.
        var left = await _app.WithDbAsync(user.Id, db => db.PastPositions.Select(p => new { p.ContactId, p.OrganizationName, p.OrganizationKey, p.Title }).SingleAsync());
        Assert.Equal((ada.Id, "Analytical Engines", "analytical engines", "Mathematician"), (left.ContactId, left.OrganizationName, left.OrganizationKey, left.Title));
        var former = await _app.WithDbAsync(user.Id, db => db.Organizations.Where(o => o.Name == "Analytical Engines").Select(o => o.Id).SingleAsync());
        Assert.Contains("Worked at Analytical Engines as Mathematician until",
            (await user.Client.GetPageAsync($"/organizations/{former}")).Document.QuerySelector("ol.warm-paths")!.TextContent);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.csv", [], "Choose a file to upload" },
        { "contacts.csv", "Name,Phone\r\nAda,123\r\n"u8.ToArray(), "No header row" },
        { "Connections.csv", Uploads.ConnectionsCsv(), "has a header but no connections" },
        { "Connections.csv", [0xEF, 0xBB, 0xBF], "The file is empty." },
        { "archive.zip", Zip("Other.csv", "x"u8.ToArray()), "The ZIP holds no Connections.csv" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_clear_message_and_imports_nothing(string fileName, byte[] content, string message)
    {
        var user = await _app.SignUpAsync();
        var page = await UploadAsync(user.Client, fileName, content);
        Assert.Contains(message, page.Text);
        Assert.Null(page.Document.QuerySelector("button[type=submit]:not(.secondary)")?.TextContent.StartsWith("Import", StringComparison.Ordinal) == true ? "import button" : null);
        Assert.Equal(0, await CountAsync(user.Id));
    }

    [Fact]
    public async Task A_file_over_25_MB_is_refused_with_a_message()
    {
        var user = await _app.SignUpAsync();
        var big = new byte[30 * 1024 * 1024];
        var page = await UploadAsync(user.Client, "Connections.csv", big);
        Assert.Contains("larger than 25 MB", page.ErrorFor("LinkedInFile"));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.PendingImports.CountAsync()));
    }

    [Fact]
    public async Task Rejected_lines_block_the_import_until_the_person_chooses_to_leave_them_out()
    {
        var user = await _app.SignUpAsync();
        var file = Uploads.ConnectionsCsv(
            "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,15 Mar 2024",
            "Short,Row,https://www.linkedin.com/in/short",
            "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,15 Mar 2024");
        var preview = await UploadAsync(user.Client, "Connections.csv", file);
        Assert.Equal(2, Stat(preview, "rejected"));
        Assert.Contains("Line 6:", preview.Text);
        Assert.Contains("duplicate of line 5", preview.Text);

        var refused = await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);
        var again = await HtmlPage.ReadAsync(refused, preview.Url);
        Assert.Contains("Some lines cannot be imported", again.ErrorFor("SkipRejected"));
        Assert.Equal(0, await CountAsync(user.Id));

        var done = await user.Client.SubmitAsync(again, "main form:not([action*='Cancel'])", new() { ["SkipRejected"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(1, await CountAsync(user.Id));
    }

    [Fact]
    public async Task The_zip_linkedin_mails_is_read_from_inside()
    {
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, "Complete_LinkedInDataExport_11-27-2026.zip", Zip("Connections.csv", FirstExport));
        Assert.Equal(3, Stat(preview, "new"));
    }

    [Fact]
    public async Task Confirming_twice_imports_once()
    {
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, "Connections.csv", FirstExport);
        var responses = await Task.WhenAll(
            user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []),
            user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NotFound);
        Assert.Equal(3, await CountAsync(user.Id));
    }

    [Fact]
    public async Task Another_users_upload_cannot_be_seen_confirmed_or_discarded()
    {
        var owner = await _app.SignUpAsync();
        var other = await _app.SignUpAsync();
        var preview = await UploadAsync(owner.Client, "Connections.csv", FirstExport);
        var otherPage = await other.Client.GetPageAsync("/import");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(preview.Url)).StatusCode);
        var token = otherPage.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync(preview.Url, [new("__RequestVerificationToken", token)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync(preview.Url + "?handler=Cancel", [new("__RequestVerificationToken", token)])).StatusCode);
        Assert.Equal(0, await CountAsync(other.Id));
        Assert.Equal(1, await _app.WithDbAsync(owner.Id, db => db.PendingImports.CountAsync()));
    }

    private static byte[] Zip(string entryName, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("Basic_LinkedInDataExport/" + entryName).Open();
            entry.Write(content);
        }
        return buffer.ToArray();
    }
}
