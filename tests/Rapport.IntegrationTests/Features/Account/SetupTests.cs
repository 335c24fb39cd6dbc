using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>A new personal install: registration closed, the first visit makes the owner.</summary>
public class SetupTests : IAsyncLifetime
{
    private RapportApp _app = null!;

    public async Task InitializeAsync() => _app = await RapportApp.StartAsync(new() { ["Accounts:Registration"] = "Closed" }, completeSetup: false);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Owner(string password = "my own quiet pass phrase") => new()
    {
        ["Input.DisplayName"] = "Ada Lovelace",
        ["Input.Email"] = "ada@example.com",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.TimeZoneId"] = "Europe/London",
    };

    [Fact]
    public async Task The_first_visit_leads_to_setup()
    {
        var client = _app.CreateAppClient();
        var response = await client.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/setup", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Setup_makes_the_owner_signs_them_in_and_then_is_gone()
    {
        var client = _app.CreateAppClient();
        var setup = await client.GetPageAsync("/account/setup");
        var home = await client.FollowAsync(await client.SubmitAsync(setup, "main form", Owner()));
        Assert.Contains("Hello, Ada Lovelace", home.Text);

        var stranger = _app.CreateAppClient();
        var again = await stranger.GetAsync("/account/setup");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/sign-in", again.Headers.Location!.OriginalString);

        // A late second setup post (a second tab) makes no second account.
        var late = await stranger.PostAsync("/account/setup", [.. Owner()]);
        Assert.NotEqual(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(null, db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Setup_can_load_sample_contacts()
    {
        var client = _app.CreateAppClient();
        var setup = await client.GetPageAsync("/account/setup");
        var fields = Owner();
        fields["LoadSampleData"] = "true";
        var home = await client.FollowAsync(await client.SubmitAsync(setup, "main form", fields));
        Assert.Contains("Sample contacts", home.Status);
        var people = await client.GetPageAsync("/people");
        Assert.Contains("24 people", people.Text);
        // The sample conversations come with the follow-ups their rules call for: a thank-you after the one held.
        var followUps = await client.GetPageAsync("/follow-ups");
        Assert.Contains("Amara Okafor", followUps.Text);
    }

    [Fact]
    public async Task Setup_refuses_a_weak_password_beside_the_field_and_makes_nothing()
    {
        var client = _app.CreateAppClient();
        var setup = await client.GetPageAsync("/account/setup");
        var response = await client.SubmitAsync(setup, "main form", Owner("password1234"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/account/setup");
        Assert.Contains("most common", page.ErrorFor("Input.Password"));
        Assert.Equal(0, await _app.WithDbAsync(null, db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Registration_is_closed_in_personal_mode()
    {
        var client = _app.CreateAppClient();
        await client.FollowAsync(await client.SubmitAsync(await client.GetPageAsync("/account/setup"), "main form", Owner()));

        var visitor = _app.CreateAppClient();
        var page = await visitor.GetPageAsync("/account/register", HttpStatusCode.Forbidden);
        Assert.Contains("does not take new accounts", page.Text);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
        var signIn = await visitor.GetPageAsync("/account/sign-in");
        Assert.Null(signIn.Document.QuerySelector("a[href='/account/register']"));
    }
}
