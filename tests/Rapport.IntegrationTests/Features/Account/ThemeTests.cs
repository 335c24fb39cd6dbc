using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>Light, dark or as the device is set: chosen from the account menu or the profile without JavaScript,
/// remembered for the person (not the browser), applied to every page as Pico's <c>data-theme</c>.</summary>
public class ThemeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private Task<Theme> StoredAsync(string userId) =>
        _app.WithDbAsync(null, db => db.Users.Where(u => u.Id == userId).Select(u => u.Theme).SingleAsync());

    private static string? DataTheme(HtmlPage page) => page.Document.DocumentElement.GetAttribute("data-theme");

    [Fact]
    public async Task Dark_chosen_from_the_account_menu_comes_back_to_the_page_and_follows_the_person_to_another_browser()
    {
        var user = await _app.SignUpAsync();
        var other = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/follow-ups?filter=all");
        Assert.Null(DataTheme(page)); // as the device is set, until chosen

        var response = await user.Client.SubmitAsync(page, "form.theme-switch", new() { ["Choice"] = "Dark" });
        Assert.Equal("/follow-ups?filter=all", response.Headers.Location!.OriginalString);
        var back = await user.Client.FollowAsync(response);
        Assert.Equal("dark", DataTheme(back));
        Assert.Equal("Rapport now looks dark.", back.Status);
        Assert.Equal("true", back.Document.QuerySelector("form.theme-switch button[value=Dark]")!.GetAttribute("aria-pressed"));
        Assert.Equal(Theme.Dark, await StoredAsync(user.Id));

        // Another person's look is theirs alone.
        Assert.Equal(Theme.System, await StoredAsync(other.Id));
        Assert.Null(DataTheme(await other.Client.GetPageAsync("/")));

        // Signing in on another browser finds the choice there too.
        var elsewhere = _app.CreateAppClient();
        await elsewhere.SubmitAsync(await elsewhere.GetPageAsync("/account/sign-in"), "main form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal("dark", DataTheme(await elsewhere.GetPageAsync("/")));
    }

    [Fact]
    public async Task The_profile_offers_the_theme_and_light_and_as_my_device_are_applied()
    {
        var user = await _app.SignUpAsync();
        var profile = await user.Client.GetPageAsync("/account/profile");
        Assert.Equal("System", profile.Document.QuerySelector("form.theme-form input[name=Choice]:checked")!.GetAttribute("value"));

        var light = await user.Client.FollowAsync(await user.Client.SubmitAsync(profile, "form.theme-form", new() { ["Choice"] = "Light" }));
        Assert.Equal("light", DataTheme(light));
        Assert.Equal("Light", light.Document.QuerySelector("form.theme-form input[name=Choice]:checked")!.GetAttribute("value"));
        Assert.Equal(Theme.Light, await StoredAsync(user.Id));

        var system = await user.Client.FollowAsync(await user.Client.SubmitAsync(light, "form.theme-form", new() { ["Choice"] = "System" }));
        Assert.Null(DataTheme(system));
        Assert.Equal("Rapport now follows your device's light or dark setting.", system.Status);
        Assert.Equal(Theme.System, await StoredAsync(user.Id));
    }

    [Theory]
    [InlineData("Purple")]
    [InlineData("7")]
    [InlineData("1")]
    [InlineData("")]
    public async Task A_value_that_is_no_theme_is_refused_beside_its_field_and_changes_nothing(string value)
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/account/theme");
        await user.Client.SubmitAsync(page, "main form.theme-form", new() { ["Choice"] = "Dark" });

        var response = await user.Client.SubmitAsync(await user.Client.GetPageAsync("/account/theme"), "main form.theme-form", new() { ["Choice"] = value });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refused = await HtmlPage.ReadAsync(response, "");
        Assert.Equal("Choose a theme: as my device, light or dark.", refused.ErrorFor("Choice"));
        Assert.Equal(Theme.Dark, await StoredAsync(user.Id));
        Assert.Equal("dark", DataTheme(await user.Client.GetPageAsync("/")));
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_not_followed()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/");
        var response = await user.Client.SubmitAsync(page, "form.theme-switch", new() { ["Choice"] = "Light", ["ReturnUrl"] = "https://example.com/" });
        Assert.Equal("/account/theme", response.Headers.Location!.OriginalString);
    }
}
