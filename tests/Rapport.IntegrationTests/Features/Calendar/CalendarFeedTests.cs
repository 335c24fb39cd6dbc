using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Calendar;

public class CalendarFeedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private async Task<(SignedInUser User, string FeedPath)> FeedAsync()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/schedule"), "main form", new()
        {
            ["Input.Date"] = "2026-12-03", ["Input.Time"] = "10:00", ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.Place"] = "Secret café",
        });
        var page = await user.Client.GetPageAsync("/account/calendar");
        var made = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Create']", []), "/account/calendar");
        var url = made.Document.QuerySelector(".feed-url-value")!.GetAttribute("value")!;
        Assert.StartsWith("https://rapport.test/calendar/rpcal_", url);
        return (user, new Uri(url).AbsolutePath);
    }

    [Fact]
    public async Task The_feed_is_read_without_signing_in_and_carries_titles_and_times_only_by_default()
    {
        var (user, path) = await FeedAsync();
        var anonymous = _app.CreateAppClient();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Informational interview with Amara Okafor", text);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261203T100000", text);
        Assert.DoesNotContain("Secret café", text);

        var parsed = Assert.Single(IcalJs.Events(text));
        Assert.Equal("Informational interview with Amara Okafor (Riverside Health)", parsed.GetProperty("summary").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), parsed.GetProperty("start").GetInt64());

        var page = await user.Client.GetPageAsync("/account/calendar");
        Assert.Null(page.Document.QuerySelector(".feed-url-value"));
        await user.Client.SubmitAsync(page, "form[action*='handler=Details']", new() { ["includeDetails"] = "true" });
        Assert.Contains("Secret café", await (await anonymous.GetAsync(path)).Content.ReadAsStringAsync());
        var stored = await _app.WithDbAsync(user.Id, db => db.CalendarFeeds.Select(f => f.TokenHash).SingleAsync());
        Assert.DoesNotContain(stored, path);
        Assert.Equal(64, stored.Length);
    }

    [Fact]
    public async Task Renewing_needs_the_password_and_kills_the_old_address_at_once()
    {
        var (user, path) = await FeedAsync();
        var page = await user.Client.GetPageAsync("/account/calendar");
        var refused = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Renew']", new() { ["password"] = "wrong password here" }), "");
        Assert.Equal("This is not your password.", refused.ErrorFor("password"));
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateAppClient().GetAsync(path)).StatusCode);

        var renewed = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Renew']", new() { ["password"] = user.Password }), "");
        var newPath = new Uri(renewed.Document.QuerySelector(".feed-url-value")!.GetAttribute("value")!).AbsolutePath;
        Assert.NotEqual(path, newPath);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAppClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateAppClient().GetAsync(newPath)).StatusCode);

        await user.Client.SubmitAsync(await user.Client.GetPageAsync("/account/calendar"), "form[action*='handler=Remove']", []);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateAppClient().GetAsync(newPath)).StatusCode);
    }

    [Theory]
    [InlineData("/calendar/rpcal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    [InlineData("/calendar/nonsense.ics")]
    [InlineData("/calendar/.ics")]
    public async Task An_unknown_token_gets_the_same_404_as_a_missing_page(string path)
    {
        var response = await _app.CreateAppClient().GetAsync(path);
        var missing = await _app.CreateAppClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(missing.StatusCode, response.StatusCode);
    }

    [Fact]
    public async Task Each_feed_shows_only_its_owners_meetings()
    {
        var (_, path) = await FeedAsync();
        var (other, otherPath) = await FeedAsync();
        await _app.WithDbAsync(other.Id, async db =>
        {
            var contact = await db.Contacts.SingleAsync();
            contact.FirstName = "Bartholomew";
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("Bartholomew", await (await _app.CreateAppClient().GetAsync(path)).Content.ReadAsStringAsync());
        Assert.Contains("Bartholomew", await (await _app.CreateAppClient().GetAsync(otherPath)).Content.ReadAsStringAsync());
    }
}
