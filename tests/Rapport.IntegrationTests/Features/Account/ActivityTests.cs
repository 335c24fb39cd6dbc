using System.Net;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>Account activity: what happened to the account, as its owner sees it, and only theirs.</summary>
public class ActivityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static async Task<List<(string Kind, string Text)>> ActivityAsync(AppClient client, string url = "/account/activity")
    {
        var page = await client.GetPageAsync(url);
        return page.Document.QuerySelectorAll("tbody tr")
            .Select(row => (row.GetAttribute("data-kind")!, row.TextContent)).ToList();
    }

    private async Task<HttpResponseMessage> SignInAsync(AppClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/account/sign-in");
        return await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    [Fact]
    public async Task Sign_ins_wrong_passwords_and_the_lockout_are_listed_newest_first_for_their_owner_only()
    {
        var user = await _app.SignUpAsync();
        var stranger = await _app.SignUpAsync();
        var phone = _app.CreateAppClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(phone, user.Email, user.Password)).StatusCode);
        for (var i = 0; i < 5; i++) await SignInAsync(_app.CreateAppClient(), user.Email, $"a guessed pass phrase {i}");
        await SignInAsync(_app.CreateAppClient(), user.Email, user.Password);

        var rows = await ActivityAsync(user.Client);
        // The try with the right password while locked is refused like any other and writes no row (a locked
        // account answers exactly as a locked made-up email does: LockedSignInTests); the lockout itself is listed.
        Assert.Equal(
            ["LockedOut", "SignInFailed", "SignInFailed", "SignInFailed", "SignInFailed", "SignedIn", "SignedIn"],
            rows.Select(r => r.Kind));
        Assert.Contains("Locked for 15 minutes", rows[0].Text);
        Assert.Contains("Wrong password", rows[1].Text);
        Assert.Contains("Account created", rows[^1].Text);
        Assert.All(rows, r => Assert.DoesNotContain("guessed", r.Text));

        Assert.Equal(["SignedIn"], (await ActivityAsync(stranger.Client)).Select(r => r.Kind));
    }

    [Fact]
    public async Task Password_change_feed_renewal_exports_and_imports_are_listed()
    {
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Ada", "Lovelace");

        var calendar = await user.Client.GetPageAsync("/account/calendar");
        await user.Client.SubmitAsync(calendar, "form[action*='handler=Create']", []);
        calendar = await user.Client.GetPageAsync("/account/calendar");
        await user.Client.SubmitAsync(calendar, "form[action*='handler=Renew']", new() { ["password"] = user.Password });

        foreach (var url in new[] { "/import?handler=ContactsCsv", "/import?handler=ContactsVCard", "/import?handler=OrganizationsCsv", $"/people/{contact}/export/json" })
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(url)).StatusCode);

        var import = await user.Client.GetPageAsync("/import");
        var preview = await user.Client.FollowAsync(await user.Client.UploadAsync(import, "form[action*='handler=LinkedIn']", "Connections.csv",
            Uploads.ConnectionsCsv("Grace,Hopper,https://www.linkedin.com/in/grace/,,Navy,Admiral,01 Jan 2024")));
        await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);

        var change = await user.Client.GetPageAsync("/account/change-password");
        await user.Client.SubmitAsync(change, "main form", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "another long pass phrase",
            ["Input.ConfirmPassword"] = "another long pass phrase",
        });

        var rows = await ActivityAsync(user.Client);
        Assert.Equal(
            ["PasswordChanged", "Imported", "Exported", "Exported", "Exported", "Exported", "CalendarFeedIssued", "CalendarFeedIssued", "SignedIn"],
            rows.Select(r => r.Kind));
        Assert.Contains("LinkedIn file: 1 added or updated", rows[1].Text);
        Assert.Contains($"One contact (#{contact}) as JSON", rows[2].Text);
        Assert.Contains("Organizations as CSV", rows[3].Text);
        Assert.Contains("All contacts as vCard", rows[4].Text);
        Assert.Contains("All contacts as CSV", rows[5].Text);
        Assert.Contains("Renewed", rows[6].Text);
        var page = await user.Client.GetPageAsync("/account/activity");
        Assert.DoesNotContain("/calendar/", page.Html);
    }

    [Fact]
    public async Task Asking_for_someone_elses_contact_is_recorded_for_the_person_who_asked()
    {
        var owner = await _app.SignUpAsync();
        var snoop = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(owner.Id, "Ada");

        Assert.Equal(HttpStatusCode.NotFound, (await snoop.Client.GetAsync($"/people/{contact}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await snoop.Client.GetAsync($"/people/{contact}/export/json")).StatusCode);
        // An address that is no page at all is a typo, not an attempt.
        Assert.Equal(HttpStatusCode.NotFound, (await snoop.Client.GetAsync("/no-such-page")).StatusCode);

        var rows = await ActivityAsync(snoop.Client);
        Assert.Equal(["AccessDenied", "AccessDenied", "SignedIn"], rows.Select(r => r.Kind));
        Assert.Contains($"GET /people/{contact}/export/json answered 404", rows[0].Text);
        Assert.Contains($"GET /people/{contact} answered 404", rows[1].Text);
        Assert.Equal(["SignedIn"], (await ActivityAsync(owner.Client)).Select(r => r.Kind));
    }

    [Fact]
    public async Task Activity_is_paged_fifty_at_a_time()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
            for (var i = 1; i <= 60; i++)
                db.AuditEvents.Add(new AuditEvent { AtUtc = start.AddMinutes(i), Kind = AuditKind.Exported, Detail = $"export number {i}." });
            return await db.SaveChangesAsync();
        });

        var first = await ActivityAsync(user.Client);
        Assert.Equal(50, first.Count);
        Assert.Contains("SignedIn", first[0].Kind); // the sign-up, today, is the newest
        Assert.Contains("export number 60.", first[1].Text);
        var page = await user.Client.GetPageAsync("/account/activity");
        var older = page.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await ActivityAsync(user.Client, older);
        Assert.Equal(11, second.Count);
        Assert.Contains("export number 11.", second[0].Text);
        Assert.Contains("export number 1.", second[^1].Text);
    }

    [Fact]
    public async Task Activity_needs_a_sign_in_and_is_in_the_account_menu()
    {
        var response = await _app.CreateAppClient().GetAsync("/account/activity");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString);

        var user = await _app.SignUpAsync();
        var today = await user.Client.GetPageAsync("/");
        Assert.NotNull(today.Document.QuerySelector(".account-menu a[href='/account/activity']"));
    }

    [Fact]
    public async Task Each_event_is_also_an_information_line_in_the_app_log_named_after_its_kind()
    {
        var user = await _app.SignUpAsync();
        await SignInAsync(_app.CreateAppClient(), user.Email, "a guessed pass phrase");
        var lines = await File.ReadAllLinesAsync(AppLogFiles.LogPath);
        Assert.Contains(lines, l => l.Contains("Information Rapport.Web.AuditTrail[1002:SignInFailed]") && l.Contains(user.Id));
        Assert.DoesNotContain(lines, l => l.Contains("a guessed pass phrase"));
    }
}
