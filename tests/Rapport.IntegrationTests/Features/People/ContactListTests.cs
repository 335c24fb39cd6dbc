using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.People;

/// <summary>Finding people: one search box over everything, filters, sorting, paging and bulk actions.</summary>
public class ContactListTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static IEnumerable<string> Names(HtmlPage page) => page.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent);

    [Theory]
    [InlineData("ZOE SALDANA", "Zoë Saldaña")]
    [InlineData("museum", "Zoë Saldaña")]
    [InlineData("exhibit", "Zoë Saldaña")]
    [InlineData("lisbon", "Zoë Saldaña")]
    [InlineData("curator-track", "Zoë Saldaña")]
    [InlineData("loves ceramics", "Zoë Saldaña")]
    [InlineData("zoe@example", "Zoë Saldaña")]
    [InlineData("gine", "Grace Hopper")]
    [InlineData("navy hopper", "Grace Hopper")]
    public async Task One_search_box_finds_names_organizations_titles_cities_tags_notes_and_emails(string query, string expected)
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Zoë", "Saldaña", "Harbor Museum", c =>
        {
            c.Title = "Exhibit designer";
            c.City = "Lisbon";
            c.Tags.Add(ContactTag.Named("curator-track"));
            c.Notes = "She loves ceramics.";
            c.Emails.Add(new ContactEmail { Address = "zoe@example.com", NormalizedAddress = "zoe@example.com" });
        });
        await _app.AddContactAsync(user.Id, "Grace", "Hopper", "US Navy", c => c.Title = "Engineer");
        var page = await user.Client.GetPageAsync("/people?q=" + Uri.EscapeDataString(query));
        Assert.Equal([expected], Names(page));
    }

    [Theory]
    [InlineData("lukasz", "Łukasz Nowak")]
    [InlineData("ŁUKASZ", "Łukasz Nowak")]
    [InlineData("oyvind", "Øyvind Bjørnæs")]
    [InlineData("bjornaes", "Øyvind Bjørnæs")]
    [InlineData("thorunn", "Þórunn Œuvre")]
    [InlineData("oeuvre", "Þórunn Œuvre")]
    public async Task Search_folds_letters_without_a_decomposition_in_the_text_and_in_the_query(string query, string expected)
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Łukasz", "Nowak");
        await _app.AddContactAsync(user.Id, "Øyvind", "Bjørnæs");
        await _app.AddContactAsync(user.Id, "Þórunn", "Œuvre");
        var page = await user.Client.GetPageAsync("/people?q=" + Uri.EscapeDataString(query));
        Assert.Equal([expected], Names(page));
    }

    [Fact]
    public async Task Search_follows_edits_and_deletions()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Katherine", "Johnson");
        var edit = await user.Client.GetPageAsync($"/people/{id}/edit");
        await user.Client.SubmitAsync(edit, "main form", new() { ["Input.Title"] = "Orbital mechanic" });
        Assert.Equal(["Katherine Johnson"], Names(await user.Client.GetPageAsync("/people?q=orbital")));
        var delete = await user.Client.GetPageAsync($"/people/{id}/delete");
        await user.Client.SubmitAsync(delete, "main form", []);
        Assert.Empty(Names(await user.Client.GetPageAsync("/people?q=orbital")));
    }

    [Fact]
    public async Task A_wildcard_typed_in_search_matches_only_itself()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Percent", "Sign", more: c => c.Notes = "100% sure");
        await _app.AddContactAsync(user.Id, "Other", "Person");
        Assert.Equal(["Percent Sign"], Names(await user.Client.GetPageAsync("/people?q=100%25")));
        Assert.Equal(2, Names(await user.Client.GetPageAsync("/people?q=%25")).Count());
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_combine()
    {
        var user = await _app.SignUpAsync();
        var fieldId = await _app.WithDbAsync(user.Id, async db =>
        {
            var field = new CareerField();
            field.Rename("Data analysis");
            db.CareerFields.Add(field);
            await db.SaveChangesAsync();
            return field.Id;
        });
        await _app.AddContactAsync(user.Id, "Alumna", "One", "Acme", c => { c.AlumniOf = "State"; c.Source = ContactSource.Alumni; c.Fields.Add(new ContactField { CareerFieldId = fieldId }); });
        await _app.AddContactAsync(user.Id, "Recent", "Contact", "Acme", c => { c.LastContactedOn = new DateOnly(2026, 11, 1); c.Priority = Priority.High; c.Tags.Add(ContactTag.Named("Hiring")); });
        await _app.AddContactAsync(user.Id, "Old", "Contact", "Globex", c => { c.LastContactedOn = new DateOnly(2025, 1, 1); c.DoNotContact = true; });
        var acme = await _app.WithDbAsync(user.Id, db => db.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync());

        async Task<string[]> List(string query) => Names(await user.Client.GetPageAsync("/people?" + query)).Order().ToArray();
        Assert.Equal(["Alumna One"], await List($"field={fieldId}"));
        Assert.Equal(["Alumna One", "Recent Contact"], await List($"org={acme}"));
        Assert.Equal(["Alumna One"], await List("source=Alumni"));
        Assert.Equal(["Recent Contact"], await List("priority=High"));
        Assert.Equal(["Recent Contact"], await List("tag=hiring"));
        Assert.Equal(["Alumna One"], await List("alumni=true"));
        Assert.Equal(["Alumna One"], await List("never=true"));
        Assert.Equal(["Alumna One", "Old Contact"], await List("quiet=6"));
        Assert.Equal(["Old Contact"], await List("dnc=true"));
        Assert.Equal(["Alumna One", "Recent Contact"], await List("dnc=false"));
        Assert.Equal(["Recent Contact"], await List($"org={acme}&priority=High"));
    }

    [Fact]
    public async Task The_organization_filter_lists_every_organization_until_there_are_too_many_to_pick_from()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Analytical Engines");
        string[] Options(HtmlPage page) => page.Document.QuerySelectorAll("select[name=org] option").Skip(1).Select(o => o.TextContent).ToArray();
        Assert.Equal(["Analytical Engines"], Options(await user.Client.GetPageAsync("/people")));

        // An import brings thousands: then the list holds the sorted ones, and says so.
        await _app.WithDbAsync(user.Id, async db =>
        {
            for (var i = 0; i < Rapport.Features.People.IndexModel.OrganizationChoices; i++)
            {
                var org = new Organization();
                org.Rename($"Company {i:000}");
                if (i == 7) org.Status = OrganizationStatus.Target;
                db.Organizations.Add(org);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await user.Client.GetPageAsync("/people");
        Assert.Equal(["Company 007"], Options(page));
        Assert.Contains("Search for any other by name", page.Document.QuerySelector("select[name=org]")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Sorting_by_organization_last_contact_and_priority()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Anna", null, "Zeta", c => { c.LastContactedOn = new DateOnly(2026, 1, 1); c.Priority = Priority.Low; });
        await _app.AddContactAsync(user.Id, "Bob", null, "Alpha", c => c.Priority = Priority.High);
        await _app.AddContactAsync(user.Id, "Cleo", null, null, c => c.LastContactedOn = new DateOnly(2026, 6, 1));
        async Task<string[]> List(string sort) => Names(await user.Client.GetPageAsync("/people?sort=" + sort)).ToArray();
        Assert.Equal(["Anna", "Bob", "Cleo"], await List("Name"));
        Assert.Equal(["Bob", "Anna", "Cleo"], await List("Organization"));
        Assert.Equal(["Cleo", "Anna", "Bob"], await List("LastContact"));
        Assert.Equal(["Bob", "Cleo", "Anna"], await List("Priority"));
    }

    [Fact]
    public async Task The_list_pages_fifty_at_a_time_keeping_the_filter()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            for (var i = 0; i < 55; i++)
            {
                var contact = new Contact { FirstName = $"Person {i:D2}", Title = i % 5 == 0 ? "Engineer" : "Analyst" };
                contact.RefreshSearch(null);
                db.Contacts.Add(contact);
            }
            return await db.SaveChangesAsync();
        });
        var first = await user.Client.GetPageAsync("/people");
        Assert.Equal(50, Names(first).Count());
        Assert.Contains("55 people", first.Text);
        var next = first.Document.QuerySelector(".pager a")!.GetAttribute("href")!;
        Assert.Equal(5, Names(await user.Client.GetPageAsync(next)).Count());
        var engineers = await user.Client.GetPageAsync("/people?q=engineer");
        Assert.Equal(11, Names(engineers).Count());
    }

    private static List<string> Links(HtmlPage page) => page.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.GetAttribute("href")!).ToList();

    private static string? Pager(HtmlPage page, string label) =>
        page.Document.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent.Contains(label, StringComparison.Ordinal))?.GetAttribute("href");

    [Fact]
    public async Task Pages_by_name_go_forward_and_back_without_repeating_or_skipping_anyone_when_many_share_a_name()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            // Forty people called Sam Lee straddle the pages' edges: the id keeps their order.
            for (var i = 0; i < 120; i++)
            {
                var contact = i % 3 == 0 ? new Contact { FirstName = "Sam", LastName = "Lee" } : new Contact { FirstName = $"Person {i:D3}" };
                contact.RefreshSearch(null);
                db.Contacts.Add(contact);
            }
            return await db.SaveChangesAsync();
        });
        var pages = new List<HtmlPage> { await user.Client.GetPageAsync("/people") };
        while (Pager(pages[^1], "Next") is { } next) pages.Add(await user.Client.GetPageAsync(next));
        Assert.Equal(3, pages.Count);
        var forward = pages.SelectMany(Links).ToList();
        Assert.Equal(120, forward.Count);
        Assert.Equal(120, forward.Distinct().Count());
        Assert.Contains("Page 3 of 3", pages[2].Text);
        Assert.Contains("Page 2 of 3", pages[1].Text);

        var back = await user.Client.GetPageAsync(Pager(pages[2], "Previous")!);
        Assert.Equal(Links(pages[1]), Links(back));
        Assert.Contains("Page 2 of 3", back.Text);
        var top = Pager(back, "Previous")!;
        Assert.Equal("/people", top);
        Assert.Equal(Links(pages[0]), Links(await user.Client.GetPageAsync(top)));

        // An address this list did not write starts at the top rather than failing.
        Assert.Equal(Links(pages[0]), Links(await user.Client.GetPageAsync("/people?after=not-a-place&p=7")));
        // Sorted otherwise, pages are numbered.
        var byPriority = await user.Client.GetPageAsync("/people?sort=Priority");
        Assert.Contains("p=2", Pager(byPriority, "Next")!);
    }

    [Fact]
    public async Task Live_search_through_htmx_returns_only_the_rows()
    {
        var user = await _app.SignUpAsync();
        await _app.AddContactAsync(user.Id, "Katherine", "Johnson");
        var response = await user.Client.GetAsync("/people?q=kath", new() { ["HX-Request"] = "true" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"contact-rows\"", html.Trim());
        Assert.DoesNotContain("<html", html);
        Assert.Contains("Katherine Johnson", html);
    }

    private async Task<HttpResponseMessage> BulkAsync(SignedInUser user, string action, string value, params int[] ids)
    {
        var page = await user.Client.GetPageAsync("/people");
        var token = page.Document.QuerySelector("#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = ids.Select(id => new KeyValuePair<string, string>("Ids", id.ToString()))
            .Append(new("Action", action)).Append(new("Value", value)).Append(new("__RequestVerificationToken", token));
        return await user.Client.PostAsync("/people/bulk", fields);
    }

    [Fact]
    public async Task Bulk_actions_tag_set_priority_add_a_field_and_mark_alumni()
    {
        var user = await _app.SignUpAsync();
        var a = await _app.AddContactAsync(user.Id, "First", "Person");
        var b = await _app.AddContactAsync(user.Id, "Second", "Person");
        await _app.WithDbAsync(user.Id, async db =>
        {
            var field = new CareerField();
            field.Rename("UX research");
            db.CareerFields.Add(field);
            return await db.SaveChangesAsync();
        });
        await BulkAsync(user, "tag", "met at fair", a, b);
        await BulkAsync(user, "priority", "high", a, b);
        await BulkAsync(user, "field", "ux RESEARCH", a, b);
        await BulkAsync(user, "alumni", "State University", a, b);
        var rows = await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => new
        {
            Tags = c.Tags.Select(t => t.Name).ToList(), c.Priority, Fields = c.Fields.Count, c.AlumniOf,
        }).ToListAsync());
        Assert.All(rows, r =>
        {
            Assert.Equal(["met at fair"], r.Tags);
            Assert.Equal(Priority.High, r.Priority);
            Assert.Equal(1, r.Fields);
            Assert.Equal("State University", r.AlumniOf);
        });
        Assert.Equal(2, Names(await user.Client.GetPageAsync("/people?q=fair")).Count());
    }

    [Fact]
    public async Task Bulk_delete_asks_first_then_deletes_only_the_selection()
    {
        var user = await _app.SignUpAsync();
        var a = await _app.AddContactAsync(user.Id, "Gone", "One");
        var b = await _app.AddContactAsync(user.Id, "Gone", "Two");
        await _app.AddContactAsync(user.Id, "Stays", "Here");
        var confirm = await HtmlPage.ReadAsync(await BulkAsync(user, "delete", "", a, b), "/people/bulk");
        Assert.Contains("Delete 2 people?", confirm.Text);
        Assert.Equal(3, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        await user.Client.SubmitAsync(confirm, "main form", []);
        Assert.Equal(["Stays"], await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.FirstName).ToListAsync()));
    }

    [Fact]
    public async Task A_bulk_action_naming_another_users_contact_changes_nothing_and_answers_404()
    {
        var user = await _app.SignUpAsync();
        var other = await _app.SignUpAsync();
        var mine = await _app.AddContactAsync(user.Id, "Mine", "Contact");
        var theirs = await _app.AddContactAsync(other.Id, "Their", "Contact");
        Assert.Equal(HttpStatusCode.NotFound, (await BulkAsync(user, "tag", "stolen", mine, theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BulkAsync(user, "delete-confirmed", "", mine, theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BulkAsync(user, "export-csv", "", theirs)).StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.ContactTags.CountAsync()));
        Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        Assert.Equal(1, await _app.WithDbAsync(other.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Bulk_export_as_csv_neutralises_formulas()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "=HYPERLINK(\"https://evil.example\",\"x\")", "Person", "+Acme", c => c.Notes = "@SUM(1,1)");
        var response = await BulkAsync(user, "export-csv", "", id);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"", csv);
        Assert.Contains(",'+Acme,", csv);
        Assert.Contains("'@SUM(1,1)", csv);
        Assert.DoesNotContain(",=", csv);
    }
}
