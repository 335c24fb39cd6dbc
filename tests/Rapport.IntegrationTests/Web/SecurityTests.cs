using System.Net;
using Rapport.IntegrationTests.Infrastructure;
using Rapport.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Rapport.IntegrationTests.Web;

public class SecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Every_page_sends_the_security_headers_and_signed_in_pages_are_not_stored()
    {
        var user = await _app.SignUpAsync();
        var response = await user.Client.GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Pages_carry_no_inline_script()
    {
        var user = await _app.SignUpAsync();
        foreach (var path in new[] { "/", "/people", "/people/new", "/account/profile", "/research", "/conversations", "/follow-ups" })
        {
            var page = await user.Client.GetPageAsync(path);
            Assert.All(page.Document.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"{path} has an inline script"));
            Assert.Empty(page.Document.QuerySelectorAll("[style], [onclick], [onload], style"));
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var client = _app.CreateAppClient();
        var page = await client.GetPageAsync("/account/sign-in");
        var response = await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = RapportApp.OwnerEmail, ["Input.Password"] = RapportApp.OwnerPassword });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Rapport.SignIn=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Links_for_outside_use_come_from_the_configured_address_not_the_host_header()
    {
        var links = _app.Services.GetRequiredService<PublicUrl>();
        Assert.Equal("https://rapport.test/calendar/feed.ics", links.For("/calendar/feed.ics"));
    }

    [Fact]
    public async Task A_forged_host_header_does_not_change_where_the_app_sends_people()
    {
        var client = _app.CreateAppClient();
        var response = await client.GetAsync("/people", new() { ["Host"] = "evil.example", ["X-Forwarded-Host"] = "evil.example" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.OriginalString);
    }
}
