using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
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
    public async Task A_new_contact_is_shown_on_its_page_and_in_the_list()
    {
        var user = await _app.SignUpAsync();
        var response = await AddAsync(user.Client, new()
        {
            ["Input.Name"] = "Grace Hopper",
            ["Input.Email"] = "grace@example.org",
            ["Input.Organization"] = "US Navy",
            ["Input.Notes"] = "Ask about **compilers**",
        });
        var details = await user.Client.FollowAsync(response);
        Assert.Equal("Grace Hopper is added.", details.Status);
        Assert.Equal("Grace Hopper", details.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("US Navy", details.Text);
        Assert.Equal("compilers", details.Document.QuerySelector(".notes strong")!.TextContent);
        // Added 27 Nov 2026 15:00 UTC, shown in the user's zone (Europe/Berlin, UTC+1).
        Assert.Contains("27 Nov 2026, 16:00", details.Text);

        var list = await user.Client.GetPageAsync("/people");
        var link = list.Document.QuerySelector(".contact-list a.name")!;
        Assert.Equal("Grace Hopper", link.TextContent);
        Assert.Equal(details.Url, link.GetAttribute("href"));
    }

    [Fact]
    public async Task Editing_changes_the_contact()
    {
        var user = await _app.SignUpAsync();
        var details = await user.Client.FollowAsync(await AddAsync(user.Client, new() { ["Input.Name"] = "Alan Turing" }));
        var edit = await user.Client.GetPageAsync(details.Url + "/edit");
        Assert.Equal("Alan Turing", edit.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(edit, "main form", new() { ["Input.Organization"] = "Bletchley Park" }));
        Assert.Contains("Bletchley Park", saved.Text);
        Assert.Equal("Alan Turing is saved.", saved.Status);
    }

    [Fact]
    public async Task Deleting_asks_first_then_removes_the_contact()
    {
        var user = await _app.SignUpAsync();
        var details = await user.Client.FollowAsync(await AddAsync(user.Client, new() { ["Input.Name"] = "Temporary Person" }));
        var confirm = await user.Client.GetPageAsync(details.Url + "/delete");
        Assert.Contains("cannot be undone", confirm.Text);
        Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));

        var list = await user.Client.FollowAsync(await user.Client.SubmitAsync(confirm, "main form", []));
        Assert.Equal("Temporary Person is deleted.", list.Status);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync(details.Url)).StatusCode);
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "Input.Name", "", "Input.Name", "Enter the person's name." },
        { "Input.Name", "    ", "Input.Name", "Enter the person's name." },
        { "Input.Name", new string('n', 10_000), "Input.Name", "Use at most 200 characters." },
        { "Input.Email", "not-an-email", "Input.Email", "Enter an email address like name@example.com." },
        { "Input.Email", "Ada <ada@x.com>", "Input.Email", "Enter an email address like name@example.com." },
        { "Input.Organization", new string('o', 201), "Input.Organization", "Use at most 200 characters." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_beside_its_field_keeps_the_typing_and_saves_nothing(string field, string value, string errorField, string message)
    {
        var user = await _app.SignUpAsync();
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Valid Name", ["Input.Notes"] = "typed notes stay" };
        fields[field] = value;
        var response = await AddAsync(user.Client, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/people/new");
        Assert.Equal(message, page.ErrorFor(errorField));
        Assert.Equal("typed notes stay", page.Document.QuerySelector("textarea")!.TextContent.Trim());
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task A_tampered_antiforgery_token_is_refused_and_changes_nothing()
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new()
        {
            ["Input.Name"] = "Forged",
            ["__RequestVerificationToken"] = "CfDJ8-tampered-token",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_and_pages_fifty_at_a_time()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            for (var i = 0; i < 55; i++)
            {
                var contact = new Rapport.Domain.Contact { Name = $"Person {i:D2}", Organization = i % 2 == 0 ? "Acme" : "Globex" };
                contact.RefreshSearchKey();
                db.Contacts.Add(contact);
            }
            var zoe = new Rapport.Domain.Contact { Name = "Zoë Saldaña", Organization = "Harbor Museum" };
            zoe.RefreshSearchKey();
            db.Contacts.Add(zoe);
            return await db.SaveChangesAsync();
        });

        var all = await user.Client.GetPageAsync("/people");
        Assert.Equal(50, all.Document.QuerySelectorAll(".contact-list li").Length);
        Assert.Contains("56 people", all.Text);
        var second = await user.Client.GetPageAsync("/people?p=2");
        Assert.Equal(6, second.Document.QuerySelectorAll(".contact-list li").Length);

        var zoe = await user.Client.GetPageAsync("/people?q=ZOE%20SALDANA");
        Assert.Equal(["Zoë Saldaña"], zoe.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent));
        var byOrganization = await user.Client.GetPageAsync("/people?q=globex");
        Assert.Contains("27 people", byOrganization.Text);
        var none = await user.Client.GetPageAsync("/people?q=nobody-like-this");
        Assert.Contains("No one matches", none.Text);
    }

    [Fact]
    public async Task Live_search_through_htmx_returns_only_the_rows()
    {
        var user = await _app.SignUpAsync();
        await user.Client.FollowAsync(await AddAsync(user.Client, new() { ["Input.Name"] = "Katherine Johnson" }));
        var response = await user.Client.GetAsync("/people?q=kath", new() { ["HX-Request"] = "true" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"contact-rows\"", html.Trim());
        Assert.DoesNotContain("<html", html);
        Assert.Contains("Katherine Johnson", html);
    }

    [Fact]
    public async Task An_htmx_post_with_bad_input_answers_422_with_the_form_fragment()
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new() { ["Input.Name"] = "" }, new() { ["HX-Request"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = await HtmlPage.ReadAsync(response, "");
        Assert.NotNull(fragment.Document.QuerySelector("form#contact-form"));
        Assert.Equal("Enter the person's name.", fragment.ErrorFor("Input.Name"));
        Assert.DoesNotContain("<html", fragment.Html);
    }

    [Fact]
    public async Task An_htmx_post_that_saves_redirects_through_htmx()
    {
        var user = await _app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        var response = await user.Client.SubmitAsync(form, "main form", new() { ["Input.Name"] = "Mary Jackson" }, new() { ["HX-Request"] = "true" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var target = response.Headers.GetValues("HX-Redirect").Single();
        var page = await user.Client.GetPageAsync(target);
        Assert.Equal("Mary Jackson", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Notes_cannot_carry_script()
    {
        var user = await _app.SignUpAsync();
        var details = await user.Client.FollowAsync(await AddAsync(user.Client, new()
        {
            ["Input.Name"] = "<script>alert(1)</script>",
            ["Input.Organization"] = "\"><img src=x onerror=alert(1)>",
            ["Input.Notes"] = "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
        }));
        Assert.Equal("<script>alert(1)</script>", details.Document.QuerySelector("h1")!.TextContent);
        Assert.Empty(details.Document.QuerySelectorAll("main script, main img, main [onerror]"));
        Assert.Empty(details.Document.QuerySelectorAll(".notes a[href^='javascript']"));
        Assert.Contains("click", details.Document.QuerySelector(".notes")!.TextContent);
    }
}
