using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.People;

/// <summary>Two tabs (or two people's devices) editing one contact: neither overwrites the other unseen.</summary>
public class EditConflictTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    /// <summary>Another tab of the same signed-in browser.</summary>
    private AppClient TabOf(SignedInUser user)
    {
        var tab = _app.CreateAppClient();
        user.Client.CopyCookiesTo(tab);
        return tab;
    }

    private static string? Value(HtmlPage page, string id) =>
        (page.Document.GetElementById(id) as IHtmlInputElement)?.Value ?? (page.Document.GetElementById(id) as IHtmlTextAreaElement)?.Value;

    [Fact]
    public async Task A_second_tab_saving_after_the_first_is_shown_what_changed_keeps_its_typing_and_writes_nothing()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Grace", "Hopper", "US Navy", c => c.Title = "Officer");
        var first = await user.Client.GetPageAsync($"/people/{id}/edit");
        var second = await TabOf(user).GetPageAsync($"/people/{id}/edit");

        var saved = await user.Client.SubmitAsync(first, "main form", new() { ["Input.Title"] = "Rear Admiral" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var tab = TabOf(user);
        var refused = await tab.SubmitAsync(second, "main form", new() { ["Input.Title"] = "Computer scientist", ["Input.City"] = "Arlington" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var again = await HtmlPage.ReadAsync(refused, $"/people/{id}/edit");
        var notice = again.Document.GetElementById("edit-conflict")!.TextContent;
        Assert.Contains("Role or title was changed to 'Rear Admiral' (you typed 'Computer scientist').", notice);
        Assert.DoesNotContain("City", notice);
        Assert.Equal("Computer scientist", Value(again, "Input_Title"));
        Assert.Equal("Arlington", Value(again, "Input_City"));
        var stored = await _app.WithDbAsync(user.Id, db => db.Contacts.SingleAsync(c => c.Id == id));
        Assert.Equal(("Rear Admiral", (string?)null), (stored.Title, stored.City));

        // Saving again, on purpose, keeps the person's version.
        var over = await tab.SubmitAsync(again, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, over.StatusCode);
        stored = await _app.WithDbAsync(user.Id, db => db.Contacts.SingleAsync(c => c.Id == id));
        Assert.Equal(("Computer scientist", "Arlington"), (stored.Title, stored.City));
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task With_htmx_the_conflict_comes_back_as_the_form_fragment()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Katherine", "Johnson", "NASA");
        var first = await user.Client.GetPageAsync($"/people/{id}/edit");
        var second = await user.Client.GetPageAsync($"/people/{id}/edit");
        var htmx = new Dictionary<string, string> { ["HX-Request"] = "true" };
        var saved = await user.Client.SubmitAsync(first, "main form", new() { ["Input.Notes"] = "Orbital mechanics" }, htmx);
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);

        var refused = await user.Client.SubmitAsync(second, "main form", new() { ["Input.Notes"] = "Ask about Friendship 7" }, htmx);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var fragment = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Null(fragment.QuerySelector("nav"));
        Assert.Contains("Notes was changed to 'Orbital mechanics' (you typed 'Ask about Friendship 7').", fragment.GetElementById("edit-conflict")!.TextContent);
        Assert.Equal("Ask about Friendship 7", fragment.QuerySelector<IHtmlTextAreaElement>("#Input_Notes")!.Value);
        Assert.Equal("Orbital mechanics", await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == id).Select(c => c.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Of_twenty_tabs_saving_at_once_from_the_same_version_one_saves_and_nineteen_are_told()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Edsger", "Dijkstra", "Eindhoven");
        var tabs = new List<(AppClient Client, HtmlPage Form)>();
        for (var i = 0; i < 20; i++)
        {
            var tab = TabOf(user);
            tabs.Add((tab, await tab.GetPageAsync($"/people/{id}/edit")));
        }

        var answers = await Task.WhenAll(tabs.Select((t, i) =>
            t.Client.SubmitAsync(t.Form, "main form", new() { ["Input.Title"] = $"Title {i}", ["Input.Tags"] = $"tag {i}" })));

        var codes = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == 302));
        Assert.Equal(19, codes.Count(c => c == 409));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            Assert.Contains("since you opened it", await refused.Content.ReadAsStringAsync());
        var winner = codes.IndexOf(302);
        var stored = await _app.WithDbAsync(user.Id, db => db.Contacts.Include(c => c.Tags).SingleAsync(c => c.Id == id));
        Assert.Equal($"Title {winner}", stored.Title);
        Assert.Equal([$"tag {winner}"], stored.Tags.Select(t => t.Name));
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Twenty_entries_logged_at_once_on_one_contact_all_land()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Barbara", "Liskov", "MIT");
        var page = await user.Client.GetPageAsync($"/people/{id}");
        var tabs = Enumerable.Range(0, 20).Select(_ => TabOf(user)).ToList();

        var answers = await Task.WhenAll(tabs.Select((tab, i) => tab.SubmitAsync(page, $"form[action*='handler=Log']",
            new() { ["Log.On"] = $"2026-11-{1 + i:00}", ["Log.Note"] = $"call {i}" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var (notes, last) = await _app.WithDbAsync(user.Id, async db => (
            await db.ContactEvents.Where(e => e.ContactId == id && e.Kind == ContactEventKind.Interaction).Select(e => e.Text).ToListAsync(),
            await db.Contacts.Where(c => c.Id == id).Select(c => c.LastContactedOn).SingleAsync()));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Phone call: call {i}").Order(), notes.Order());
        Assert.Equal(new DateOnly(2026, 11, 20), last);
    }
}
