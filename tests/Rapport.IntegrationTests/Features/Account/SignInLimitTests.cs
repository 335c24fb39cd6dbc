using System.Net;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>Password posts are limited per client address: past the limit the answer is 429 with
/// Retry-After, before any password is checked. The limit is set low here (3 per 10 minutes).</summary>
public class SignInLimitTests
{
    private static Dictionary<string, string?> Limit(bool trustProxy = false) => new()
    {
        ["SignInLimits:PermitLimit"] = "3",
        ["SignInLimits:WindowSeconds"] = "600",
        ["App:TrustForwardedHeaders"] = trustProxy ? "true" : "false",
    };

    private static async Task<HttpResponseMessage> SignInAsync(AppClient client, string email, string password, string? forwardedFor = null)
    {
        var page = await client.GetPageAsync("/account/sign-in");
        var headers = forwardedFor is null ? null : new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor };
        return await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = email, ["Input.Password"] = password }, headers);
    }

    [Fact]
    public async Task Past_the_limit_sign_in_answers_429_with_Retry_After_even_for_the_right_password()
    {
        await using var app = await RapportApp.StartAsync(Limit());
        var client = app.CreateAppClient();
        // Setting up the install was the first of the three posts from this address.
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "nobody@example.com", $"a wrong pass phrase {i}")).StatusCode);

        var refused = await SignInAsync(client, RapportApp.OwnerEmail, RapportApp.OwnerPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value.TotalSeconds, 1, 600);
        var page = await HtmlPage.ReadAsync(refused, "/account/sign-in");
        Assert.Contains("Too many sign-in attempts", page.Text);
        Assert.Contains($"Wait {(int)wait.Value.TotalSeconds} seconds", page.Text);
        Assert.False(client.Cookies.ContainsKey("Rapport.SignIn"));
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Registration_and_password_changes_count_against_the_same_limit()
    {
        await using var app = await RapportApp.StartAsync(Limit(), completeSetup: false);
        var owner = await app.CompleteSetupAsync();
        var change = await owner.GetPageAsync("/account/change-password");
        for (var i = 0; i < 2; i++)
            await owner.SubmitAsync(change, "main form", new() { ["Input.CurrentPassword"] = "not the password at all" });
        var register = await app.CreateAppClient().GetPageAsync("/account/register");
        var refused = await app.CreateAppClient().SubmitAsync(register, "main form", new() { ["Input.Email"] = "new@example.com" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Each_address_has_its_own_limit_behind_a_trusted_proxy()
    {
        await using var app = await RapportApp.StartAsync(Limit(trustProxy: true), realServer: true);
        var client = app.CreateAppClient();
        for (var i = 0; i < 3; i++) await SignInAsync(client, "nobody@example.com", "a wrong pass phrase", forwardedFor: "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(client, "nobody@example.com", "a wrong pass phrase", forwardedFor: "203.0.113.7")).StatusCode);

        var other = app.CreateAppClient();
        var signedIn = await SignInAsync(other, RapportApp.OwnerEmail, RapportApp.OwnerPassword, forwardedFor: "198.51.100.9");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // The address the proxy named is the one the owner sees in their account's activity.
        var activity = await other.GetPageAsync("/account/activity");
        Assert.Contains("198.51.100.9", activity.Document.QuerySelector("tr[data-kind=SignedIn]")!.TextContent);
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forged_forwarded_address_does_not_escape_the_limit()
    {
        await using var app = await RapportApp.StartAsync(Limit(), realServer: true);
        var client = app.CreateAppClient();
        // Setting up the install was the first of the three posts from this address.
        for (var i = 0; i < 2; i++) await SignInAsync(client, "nobody@example.com", "a wrong pass phrase", forwardedFor: $"203.0.113.{i}");
        var refused = await SignInAsync(client, "nobody@example.com", "a wrong pass phrase", forwardedFor: "203.0.113.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
