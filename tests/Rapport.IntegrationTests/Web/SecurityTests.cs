using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <summary>What a person's visit sets: the form cookie, the sign-in cookie and TempData (registering), TempData
    /// read and removed (the home page), the sign-in cookie removed (signing out). Every Set-Cookie and every
    /// Strict-Transport-Security header the answers carried.</summary>
    private static async Task<(List<string> Cookies, List<string?> Hsts)> VisitAsync(AppClient client, Dictionary<string, string>? headers = null)
    {
        var cookies = new List<string>();
        var hsts = new List<string?>();
        void Note(HttpResponseMessage response)
        {
            cookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []);
            hsts.Add(response.Headers.TryGetValues("Strict-Transport-Security", out var sts) ? string.Join(", ", sts) : null);
        }
        var register = await client.GetAsync("/account/register", headers);
        Note(register);
        var password = "a long and quiet pass phrase";
        var made = await client.SubmitAsync(await HtmlPage.ReadAsync(register, "/account/register"), "main form", new()
        {
            ["Input.DisplayName"] = "Visitor", ["Input.Email"] = $"visitor-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password, ["Input.TimeZoneId"] = "UTC",
        }, headers);
        Note(made);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var today = await client.GetAsync("/", headers);
        Note(today);
        var page = await HtmlPage.ReadAsync(today, "/");
        Assert.Contains("Welcome to Rapport", page.Status);
        var signOut = await client.SubmitAsync(page, "form[action='/account/sign-out']", [], headers);
        Note(signOut);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var names = cookies.Select(c => c[..c.IndexOf('=')]).ToHashSet();
        Assert.Superset(new HashSet<string> { "Rapport.Antiforgery", "Rapport.SignIn", ".AspNetCore.Mvc.CookieTempDataProvider" }, names);
        return (cookies, hsts);
    }

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Skip(1).Any(attribute => attribute.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Over_https_every_cookie_is_secure_and_browsers_are_told_to_keep_to_https()
    {
        var client = new AppClient(_app.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("https://rapport.test"), AllowAutoRedirect = false, HandleCookies = false }));
        var (cookies, hsts) = await VisitAsync(client);
        Assert.All(cookies, cookie => Assert.True(IsSecure(cookie), cookie));
        // A year, this host only: not its neighbours under the same domain.
        Assert.All(hsts, header => Assert.Equal("max-age=31536000", header));
    }

    [Fact]
    public async Task On_the_public_host_of_an_https_public_url_cookies_are_secure_even_when_tls_ended_before_the_app()
    {
        // A proxy that ends TLS and passes the request on without saying so: the browser is on https all the same.
        var client = new AppClient(_app.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("http://rapport.test"), AllowAutoRedirect = false, HandleCookies = false }));
        var (cookies, hsts) = await VisitAsync(client);
        Assert.All(cookies, cookie => Assert.True(IsSecure(cookie), cookie));
        Assert.All(hsts, header => Assert.Equal("max-age=31536000", header));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_forwarded_https_request_counts_only_from_a_trusted_proxy(bool trusted)
    {
        await using var app = await RapportApp.StartAsync(new() { [ProxyHeaders.TrustSetting] = trusted ? "true" : "false" }, realServer: true);
        var forwarded = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["Host"] = "rapport.example.org" };
        var (cookies, hsts) = await VisitAsync(app.CreateAppClient(), forwarded);
        Assert.All(cookies, cookie => Assert.Equal(trusted, IsSecure(cookie)));
        Assert.All(hsts, header => Assert.Equal(trusted ? "max-age=31536000" : null, header));
    }

    [Fact]
    public async Task Over_plain_http_and_on_this_machine_nothing_changes()
    {
        // http://localhost, as a personal install runs: no Secure cookie (the browser would drop it elsewhere), no HSTS.
        var (cookies, hsts) = await VisitAsync(_app.CreateAppClient());
        Assert.All(cookies, cookie => Assert.False(IsSecure(cookie), cookie));
        Assert.All(hsts, Assert.Null);

        // https on this machine's own name: Secure cookies, but no HSTS, which would hold for every port of localhost.
        var local = new AppClient(_app.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false }));
        (cookies, hsts) = await VisitAsync(local);
        Assert.All(cookies, cookie => Assert.True(IsSecure(cookie), cookie));
        Assert.All(hsts, Assert.Null);
    }
}
