using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

public class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private async Task<HttpResponseMessage> SignInAsync(AppClient client, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetPageAsync("/account/sign-in" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        return await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_back_afterwards()
    {
        var user = await _app.SignUpAsync();
        var client = _app.CreateAppClient();
        var response = await client.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fpeople", response.Headers.Location!.OriginalString);

        var signedIn = await SignInAsync(client, user.Email, user.Password, "/people");
        Assert.Equal("/people", signedIn.Headers.Location!.OriginalString);
    }

    /// <summary>Where a redirect would take a browser on this app: like a browser's URL parser, it drops
    /// surrounding spaces and controls, tabs and newlines, and reads a backslash as a slash.</summary>
    internal static Uri Destination(HttpResponseMessage response)
    {
        var location = response.Headers.Location!.OriginalString.Trim(' ', '\t', '\n', '\r', '\f', '\0')
            .Replace("\t", "").Replace("\n", "").Replace("\r", "").Replace('\\', '/');
        return new Uri(new Uri("https://rapport.test/account/sign-in"), location);
    }

    public static TheoryData<string> OutsideAddresses =>
    [
        "//evil.example", "/\\evil.example", "\\/evil.example", "\\\\evil.example", "/\\/evil.example", "https://evil.example/",
        "https:evil.example", "http://rapport.test.evil.example/", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "%2F%2Fevil.example", "/%09/evil.example", " //evil.example", "/\t/evil.example", "///evil.example",
    ];

    [Theory]
    [MemberData(nameof(OutsideAddresses))]
    public async Task A_return_address_outside_the_app_leads_home_or_stays_inside(string returnUrl)
    {
        var user = await _app.SignUpAsync();
        var client = _app.CreateAppClient();
        var response = await SignInAsync(client, user.Email, user.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var destination = Destination(response);
        Assert.Equal("https://rapport.test", destination.GetLeftPart(UriPartial.Authority));

        // Already signed in, the sign-in page sends the browser on at once: the same rule applies.
        var again = await client.GetAsync("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("https://rapport.test", Destination(again).GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task An_encoded_return_address_given_raw_in_the_query_stays_inside()
    {
        var user = await _app.SignUpAsync();
        var client = _app.CreateAppClient();
        var page = await client.GetPageAsync("/account/sign-in?ReturnUrl=%2F%2Fevil.example");
        Assert.Equal("//evil.example", page.Document.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
        var response = await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_passwords_get_the_same_answers_for_an_email_without_an_account()
    {
        var user = await _app.SignUpAsync();
        var known = new List<string>();
        var unknown = new List<string>();
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@example.com";
        for (var i = 0; i < 6; i++)
        {
            known.Add(await AnswerAsync(user.Email, $"wrong pass phrase {i}"));
            unknown.Add(await AnswerAsync(unknownEmail, $"wrong pass phrase {i}"));
        }
        Assert.Equal(known, unknown);
        Assert.Contains("do not match", known[0]);
        Assert.Contains("locked", known[5]);
        // Still locked, whatever password comes next.
        Assert.Equal(await AnswerAsync(user.Email, user.Password), await AnswerAsync(unknownEmail, user.Password));

        async Task<string> AnswerAsync(string email, string password)
        {
            var response = await SignInAsync(_app.CreateAppClient(), email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HtmlPage.ReadAsync(response, "/account/sign-in");
            return page.Document.QuerySelector("[role=alert]")!.TextContent.Trim();
        }
    }

    [Theory]
    [InlineData("/account/profile")]
    [InlineData("/account/change-password")]
    [InlineData("/account/calendar")]
    [InlineData("/account/rules")]
    [InlineData("/account/activity")]
    public async Task Account_pages_other_than_the_ways_in_ask_a_visitor_to_sign_in(string path)
    {
        var visitor = _app.CreateAppClient();
        var response = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);

        var signIn = await visitor.GetPageAsync("/account/sign-in");
        var token = signIn.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await visitor.PostAsync(path + "?handler=Create", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/sign-in", post.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var user = await _app.SignUpAsync();
        var client = _app.CreateAppClient();
        var response = await SignInAsync(client, user.Email, "not the right pass phrase");
        var page = await HtmlPage.ReadAsync(response, "/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/people")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await _app.SignUpAsync();
        var client = _app.CreateAppClient();
        for (var i = 0; i < 5; i++) await SignInAsync(client, user.Email, $"wrong pass phrase {i}");
        var response = await SignInAsync(client, user.Email, user.Password);
        var page = await HtmlPage.ReadAsync(response, "/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", page.Text);
    }

    [Fact]
    public async Task An_oversized_password_is_refused_without_hashing()
    {
        var user = await _app.SignUpAsync();
        var client = _app.CreateAppClient();
        var response = await SignInAsync(client, user.Email, new string('x', 100_000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match", (await HtmlPage.ReadAsync(response, "")).Text);
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_cookie_is_refused()
    {
        var user = await _app.SignUpAsync();
        var replay = _app.CreateAppClient();
        user.Client.CopyCookiesTo(replay);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/people")).StatusCode);

        var today = await user.Client.GetPageAsync("/");
        var signOut = await user.Client.SubmitAsync(today, "form[action='/account/sign-out']", []);
        Assert.Equal("/account/sign-in", signOut.Headers.Location!.OriginalString);

        var after = await replay.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_a_kept_signed_in_cookie_is_refused_too()
    {
        var user = await _app.SignUpAsync();
        var laptop = _app.CreateAppClient();
        var page = await laptop.GetPageAsync("/account/sign-in");
        var signedIn = await laptop.SubmitAsync(page, "main form",
            new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password, ["Input.RememberMe"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var replay = _app.CreateAppClient();
        laptop.CopyCookiesTo(replay);

        var today = await laptop.GetPageAsync("/");
        await laptop.SubmitAsync(today, "form[action='/account/sign-out']", []);

        // Past the security-stamp check interval too: the session row is gone for good.
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await replay.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/people")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_in_one_browser_keeps_the_other_signed_in()
    {
        var user = await _app.SignUpAsync();
        var phone = _app.CreateAppClient();
        await SignInAsync(phone, user.Email, user.Password);

        var today = await user.Client.GetPageAsync("/");
        await user.Client.SubmitAsync(today, "form[action='/account/sign-out']", []);

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/people")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_other_browsers_and_keeps_this_one()
    {
        var user = await _app.SignUpAsync();
        var phone = _app.CreateAppClient();
        await SignInAsync(phone, user.Email, user.Password);

        var page = await user.Client.GetPageAsync("/account/change-password");
        var response = await user.Client.SubmitAsync(page, "main form", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "a brand new pass phrase",
            ["Input.ConfirmPassword"] = "a brand new pass phrase",
        });
        var profile = await user.Client.FollowAsync(response);
        Assert.Contains("password is changed", profile.Status);

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/people")).StatusCode);
        var old = await SignInAsync(_app.CreateAppClient(), user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await SignInAsync(_app.CreateAppClient(), user.Email, "a brand new pass phrase");
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_refuses_a_wrong_current_one_beside_the_field()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/account/change-password");
        var response = await user.Client.SubmitAsync(page, "main form", new()
        {
            ["Input.CurrentPassword"] = "not my password at all",
            ["Input.NewPassword"] = "a brand new pass phrase",
            ["Input.ConfirmPassword"] = "a brand new pass phrase",
        });
        var result = await HtmlPage.ReadAsync(response, "");
        Assert.Equal("This is not your current password.", result.ErrorFor("Input.CurrentPassword"));
    }
}
