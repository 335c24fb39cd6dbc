using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>Dates and times read the way the person reads them: first as their browser's language writes
/// them, then as they choose in their profile; the machine formats stay as they are.</summary>
public class DateStyleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private async Task<AppClient> RegisterAsync(string language)
    {
        var client = _app.CreateAppClient();
        var page = await client.GetPageAsync("/account/register");
        var response = await client.SubmitAsync(page, "main form", new()
        {
            ["Input.DisplayName"] = "Jordan",
            ["Input.Email"] = $"dates-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "a long and quiet pass phrase",
            ["Input.ConfirmPassword"] = "a long and quiet pass phrase",
            ["Input.TimeZoneId"] = "America/Chicago",
        }, new() { ["Accept-Language"] = language });
        Assert.Equal(302, (int)response.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_US_browser_gets_month_first_and_a_12_hour_clock_until_the_person_chooses_otherwise()
    {
        var client = await RegisterAsync("en-US,en;q=0.9");
        var today = await client.GetPageAsync("/");
        Assert.Equal("Friday, November 27, 2026", today.Document.QuerySelector("p.muted time")!.TextContent.Trim());
        var contact = await client.FollowAsync(await client.SubmitAsync(await client.GetPageAsync("/people/new"), "main form", new() { ["Input.FirstName"] = "Dated" }));
        Assert.Contains("Nov 27, 2026, 9:00 AM", contact.Text); // 15:00 UTC in Chicago

        var profile = await client.GetPageAsync("/account/profile");
        Assert.Equal("MonthDayYear", profile.Document.QuerySelector("input[name='Input.DateOrder']:checked")!.GetAttribute("value"));
        Assert.Equal("false", profile.Document.QuerySelector("input[name='Input.TwentyFourHourClock']:checked")!.GetAttribute("value"));
        var saved = await client.FollowAsync(await client.SubmitAsync(profile, "main form", new()
        {
            ["Input.DateOrder"] = "YearMonthDay", ["Input.TwentyFourHourClock"] = "true",
        }));
        Assert.Equal("Your profile is saved.", saved.Status);
        Assert.Contains("2026-11-27, 09:00", (await client.GetPageAsync(contact.Url)).Text);

        // A date order that does not exist is refused beside its field.
        var bad = await client.SubmitAsync(await client.GetPageAsync("/account/profile"), "main form", new() { ["Input.DateOrder"] = "7" });
        Assert.Equal("Choose one of the date orders.", (await HtmlPage.ReadAsync(bad, "")).ErrorFor("Input.DateOrder"));
    }

    [Fact]
    public async Task An_account_from_before_the_setting_takes_its_style_from_the_browser_at_its_next_sign_in()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DateOrder, (DateOrder?)null).SetProperty(x => x.TwentyFourHourClock, (bool?)null)));
        var client = _app.CreateAppClient();
        var signIn = await client.GetPageAsync("/account/sign-in");
        await client.SubmitAsync(signIn, "main form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password },
            new() { ["Accept-Language"] = "ja-JP,ja;q=0.9,en;q=0.5" });
        var stored = await _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.DateOrder, u.TwentyFourHourClock }).SingleAsync());
        Assert.Equal(DateOrder.YearMonthDay, stored.DateOrder);
        Assert.True(stored.TwentyFourHourClock);
        Assert.Contains("2026-11-27", (await client.GetPageAsync("/")).Document.QuerySelector("p.muted time")!.TextContent);
    }
}
