using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

public class ProfileTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task The_profile_keeps_name_zone_and_introduction_and_dates_follow_the_zone()
    {
        var user = await _app.SignUpAsync("Before Name");
        var form = await user.Client.GetPageAsync("/people/new");
        var contact = await user.Client.FollowAsync(await user.Client.SubmitAsync(form, "main form", new() { ["Input.FirstName"] = "Dated" }));
        Assert.Contains("27 Nov 2026, 16:00", contact.Text); // Europe/Berlin at sign-up

        var profile = await user.Client.GetPageAsync("/account/profile");
        var saved = await user.Client.FollowAsync(await user.Client.SubmitAsync(profile, "main form", new()
        {
            ["Input.DisplayName"] = "After Name",
            ["Input.TimeZoneId"] = "Asia/Kathmandu",
            ["Input.SelfIntroduction"] = "I study data science and want to learn how analysts work day to day.",
        }));
        Assert.Equal("Your profile is saved.", saved.Status);
        Assert.Contains("I study data science", saved.Document.QuerySelector("textarea")!.TextContent);
        Assert.Equal("After Name", saved.Document.QuerySelector(".account-menu summary")!.TextContent.Trim());

        var again = await user.Client.GetPageAsync(contact.Url);
        Assert.Contains("27 Nov 2026, 20:45", again.Text); // UTC+05:45, without signing in again
    }

    [Theory]
    [InlineData("Input.TimeZoneId", "Mars/Olympus_Mons", "Choose a time zone from the list.")]
    [InlineData("Input.DisplayName", "", "Enter your name.")]
    public async Task Bad_profile_input_is_refused_beside_its_field(string field, string value, string message)
    {
        var user = await _app.SignUpAsync("Kept Name");
        var profile = await user.Client.GetPageAsync("/account/profile");
        var response = await user.Client.SubmitAsync(profile, "main form", new() { [field] = value });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await HtmlPage.ReadAsync(response, "")).ErrorFor(field));
        var stored = await _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.DisplayName, u.TimeZoneId }).SingleAsync());
        Assert.Equal(("Kept Name", "Europe/Berlin"), (stored.DisplayName, stored.TimeZoneId));
    }

    [Fact]
    public async Task A_windows_time_zone_name_is_stored_as_its_IANA_id()
    {
        var user = await _app.SignUpAsync();
        var profile = await user.Client.GetPageAsync("/account/profile");
        await user.Client.SubmitAsync(profile, "main form", new() { ["Input.TimeZoneId"] = "Eastern Standard Time" });
        Assert.Equal("America/New_York", await _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TimeZoneId).SingleAsync()));
    }
}

public class RestartTests
{
    [Fact]
    public async Task A_restart_signs_no_one_out_and_keeps_the_data()
    {
        var app = await RapportApp.StartAsync();
        var user = await app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/people/new");
        await user.Client.SubmitAsync(form, "main form", new() { ["Input.FirstName"] = "Still here" });
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "keys"), "key-*.xml"));

        await using var restarted = await app.RestartAsync();
        var browser = restarted.CreateAppClient();
        user.Client.CopyCookiesTo(browser);
        var people = await browser.GetPageAsync("/people");
        Assert.Contains("Still here", people.Text);
    }
}
