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

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("https:evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_outside_the_app_leads_home(string returnUrl)
    {
        var user = await _app.SignUpAsync();
        var client = _app.CreateAppClient();
        var response = await SignInAsync(client, user.Email, user.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
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
