using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Organizations;

public class OrganizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static async Task<HttpResponseMessage> AddAsync(AppClient client, Dictionary<string, string> fields) =>
        await client.SubmitAsync(await client.GetPageAsync("/organizations/new"), "main form", fields);

    [Fact]
    public async Task An_organization_is_added_shown_and_its_name_is_matched_ignoring_case_and_spacing()
    {
        var user = await _app.SignUpAsync();
        var details = await user.Client.FollowAsync(await AddAsync(user.Client, new()
        {
            ["Input.Name"] = "Acme Corp",
            ["Input.Website"] = "acme.example",
            ["Input.City"] = "Sacramento",
            ["Input.Status"] = "Target",
            ["Input.Motivation"] = "3",
            ["Input.Postings"] = "2",
            ["Input.Notes"] = "Builds **rockets**",
        }));
        Assert.Equal("Acme Corp", details.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("https://acme.example", details.Document.QuerySelector("a[href^='https://acme']")!.GetAttribute("href"));
        Assert.Equal("rockets", details.Document.QuerySelector(".notes strong")!.TextContent);

        var again = await AddAsync(user.Client, new() { ["Input.Name"] = "acme   CORP" });
        Assert.Equal("You already have an organization with this name.", (await HtmlPage.ReadAsync(again, "")).ErrorFor("Input.Name"));
        var person = await user.Client.SubmitAsync(await user.Client.GetPageAsync("/people/new"), "main form",
            new() { ["Input.FirstName"] = "Wile", ["Input.OrganizationName"] = "ACME corp" });
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.Organizations.CountAsync()));
    }

    [Theory]
    [InlineData("Input.Website", "javascript:alert(1)", "Enter a web address like https://example.com.")]
    [InlineData("Input.Motivation", "7", "Motivation is scored 0 to 3.")]
    [InlineData("Input.Postings", "0", "Postings are scored 1 to 3.")]
    [InlineData("Input.Name", "", "Enter the organization's name.")]
    public async Task Bad_organization_input_is_refused_beside_its_field(string field, string value, string message)
    {
        var user = await _app.SignUpAsync();
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Valid Org", [field] = value };
        var response = await AddAsync(user.Client, fields);
        Assert.Equal(message, (await HtmlPage.ReadAsync(response, "")).ErrorFor(field));
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task The_target_list_ranks_by_motivation_then_postings_then_advocacy()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            foreach (var (name, motivation, postings) in new (string, int?, int?)[] { ("Low Keen", 1, 3), ("Keen No Posts", 3, 1), ("Keen Posts", 3, 3), ("Unscored", null, null), ("Keen Posts Friend", 3, 3) })
            {
                var organization = new Organization { Status = OrganizationStatus.Target, Motivation = motivation, Postings = postings };
                organization.Rename(name);
                db.Organizations.Add(organization);
            }
            var held = new Organization { Status = OrganizationStatus.OnHold, Motivation = 3, Postings = 3 };
            held.Rename("On Hold Co");
            db.Organizations.Add(held);
            return await db.SaveChangesAsync();
        });
        await _app.AddContactAsync(user.Id, "Friend", "Inside", "Keen Posts Friend");
        var page = await user.Client.GetPageAsync("/organizations/targets");
        var ranked = page.Document.QuerySelectorAll(".target-list li a.name").Select(a => a.TextContent).ToArray();
        Assert.Equal(["Keen Posts Friend", "Keen Posts", "Keen No Posts", "Low Keen", "Unscored"], ranked);
        Assert.Equal(5, page.Document.QuerySelectorAll(".target-list li.start-here").Length);

        var form = page.Document.QuerySelectorAll(".score-form")[4];
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await user.Client.PostAsync(form.GetAttribute("action")!, [new("motivation", "3"), new("postings", "3"), new("advocate", "yes"), new("__RequestVerificationToken", token)]);
        var after = await user.Client.GetPageAsync("/organizations/targets");
        // Now scored 3, 3, yes: level with the top one, and after it by name.
        Assert.Equal(["Keen Posts Friend", "Unscored", "Keen Posts"], after.Document.QuerySelectorAll(".target-list li a.name").Take(3).Select(a => a.TextContent));
    }

    [Fact]
    public async Task Deleting_an_organization_keeps_its_people()
    {
        var user = await _app.SignUpAsync();
        var person = await _app.AddContactAsync(user.Id, "Stays", "Around", "Closing Down Inc");
        var org = await _app.WithDbAsync(user.Id, db => db.Organizations.Select(o => o.Id).SingleAsync());
        var confirm = await user.Client.GetPageAsync($"/organizations/{org}/delete");
        Assert.Contains("1 person who work there stay", confirm.Text.Replace("  ", " "));
        await user.Client.SubmitAsync(confirm, "main form", []);
        Assert.Null(await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == person).Select(c => c.OrganizationId).SingleAsync()));
        Assert.Empty(ContactNames(await user.Client.GetPageAsync("/people?q=closing")));
    }

    [Theory]
    [InlineData("/organizations/{0}")]
    [InlineData("/organizations/{0}/edit")]
    [InlineData("/organizations/{0}/delete")]
    public async Task Another_users_organization_returns_404(string path)
    {
        var owner = await _app.SignUpAsync();
        var other = await _app.SignUpAsync();
        await _app.AddContactAsync(owner.Id, "Someone", null, "Secret Employer");
        var id = await _app.WithDbAsync(owner.Id, db => db.Organizations.Select(o => o.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(string.Format(path, id))).StatusCode);
        var token = (await other.Client.GetPageAsync("/organizations/new")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync(string.Format(path, id), [new("Input.Name", "Stolen"), new("__RequestVerificationToken", token)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/organizations/targets?handler=Score&id={id}", [new("motivation", "0"), new("__RequestVerificationToken", token)])).StatusCode);
        Assert.Equal("Secret Employer", await _app.WithDbAsync(owner.Id, db => db.Organizations.Select(o => o.Name).SingleAsync()));
    }

    private static IEnumerable<string> ContactNames(HtmlPage page) => page.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent);
}
