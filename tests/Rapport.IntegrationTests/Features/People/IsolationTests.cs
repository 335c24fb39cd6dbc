using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.People;

/// <summary>Two users of one install: neither reaches the other's contacts by any id.</summary>
public class IsolationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private async Task<(SignedInUser Owner, SignedInUser Other, int ContactId)> TwoUsersAsync()
    {
        var owner = await _app.SignUpAsync("Owner A");
        var other = await _app.SignUpAsync("Other B");
        var form = await owner.Client.GetPageAsync("/people/new");
        var response = await owner.Client.SubmitAsync(form, "main form", new() { ["Input.FirstName"] = "A's secret contact", ["Input.Notes"] = "private" });
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        return (owner, other, id);
    }

    private Task<string> NameOfAsync(string ownerId, int id) =>
        _app.WithDbAsync(ownerId, db => db.Contacts.Where(c => c.Id == id).Select(c => c.FirstName).SingleAsync());

    [Theory]
    [InlineData("/people/{0}")]
    [InlineData("/people/{0}/edit")]
    [InlineData("/people/{0}/delete")]
    public async Task Reading_another_users_contact_returns_404(string path)
    {
        var (_, other, id) = await TwoUsersAsync();
        var response = await other.Client.GetAsync(string.Format(path, id));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync());
        // The same answer as for an id that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(string.Format(path, 999_999))).StatusCode);
    }

    [Fact]
    public async Task Pages_read_through_compiled_queries_answer_each_user_with_their_own_rows()
    {
        // The owner's views run first, so any query that kept their identity from its first run would show here.
        var (owner, other, id) = await TwoUsersAsync();
        await _app.WithDbAsync(owner.Id, async db => await db.Users.Where(u => u.Id == owner.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.WeeklyRequestGoal, 7)));
        var ownersHome = await owner.Client.GetPageAsync("/");
        Assert.Contains("of 7", ownersHome.Document.QuerySelector("#goal-heading + p")!.TextContent);
        Assert.Contains("A's secret contact", (await owner.Client.GetPageAsync($"/people/{id}")).Text);

        var othersId = await _app.AddContactAsync(other.Id, "B's own contact");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/people/{id}")).StatusCode);
        Assert.Contains("B's own contact", (await other.Client.GetPageAsync($"/people/{othersId}")).Text);
        var othersHome = await other.Client.GetPageAsync("/");
        Assert.Contains("of 3", othersHome.Document.QuerySelector("#goal-heading + p")!.TextContent);
        Assert.Contains("B's own contact", othersHome.Document.QuerySelector("#recent-heading")!.ParentElement!.TextContent);
        Assert.DoesNotContain("secret", othersHome.Text);
        Assert.Equal("1", othersHome.Document.QuerySelector(".stats .stat-value")!.TextContent.Trim());
    }

    [Fact]
    public async Task Editing_another_users_contact_returns_404_and_changes_nothing()
    {
        var (owner, other, id) = await TwoUsersAsync();
        var ownForm = await other.Client.GetPageAsync("/people/new");
        var token = ownForm.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main input[name=__RequestVerificationToken]")!.Value;
        var response = await other.Client.PostAsync($"/people/{id}/edit", [new("Input.FirstName", "Hijacked"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("A's secret contact", await NameOfAsync(owner.Id, id));
    }

    [Fact]
    public async Task Deleting_another_users_contact_returns_404_and_deletes_nothing()
    {
        var (owner, other, id) = await TwoUsersAsync();
        var ownForm = await other.Client.GetPageAsync("/people/new");
        var token = ownForm.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main input[name=__RequestVerificationToken]")!.Value;
        var response = await other.Client.PostAsync($"/people/{id}/delete", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("A's secret contact", await NameOfAsync(owner.Id, id));
    }

    [Fact]
    public async Task Another_users_contacts_never_appear_in_lists_or_search()
    {
        var (_, other, _) = await TwoUsersAsync();
        var list = await other.Client.GetPageAsync("/people?q=secret");
        Assert.DoesNotContain("A's secret contact", list.Html);
        var today = await other.Client.GetPageAsync("/");
        Assert.DoesNotContain("A's secret contact", today.Html);
    }

    [Fact]
    public async Task Extra_form_fields_cannot_move_a_contact_to_another_owner()
    {
        var (owner, other, _) = await TwoUsersAsync();
        var form = await other.Client.GetPageAsync("/people/new");
        var response = await other.Client.SubmitAsync(form, "main form", new()
        {
            ["Input.FirstName"] = "Planted",
            ["OwnerId"] = owner.Id,
            ["Input.OwnerId"] = owner.Id,
            ["Id"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(owner.Id, db => db.Contacts.CountAsync(c => c.FirstName == "Planted")));
        Assert.Equal(1, await _app.WithDbAsync(other.Id, db => db.Contacts.CountAsync(c => c.FirstName == "Planted")));
    }

    [Fact]
    public async Task The_data_layer_refuses_a_hand_attached_row_of_another_owner()
    {
        var (owner, other, id) = await TwoUsersAsync();
        // A handler that skipped the query and attached a row by id would still change nothing.
        await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(other.Id, async db =>
        {
            var forged = new Contact { Id = id, OwnerId = other.Id, FirstName = "Overwritten" };
            forged.RefreshSearch(null);
            db.Contacts.Update(forged);
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<CrossOwnerWriteException>(() => _app.WithDbAsync(other.Id, async db =>
        {
            db.Contacts.Add(new Contact { OwnerId = owner.Id, FirstName = "Planted" });
            return await db.SaveChangesAsync();
        }));
        Assert.Equal("A's secret contact", await NameOfAsync(owner.Id, id));
    }
}
