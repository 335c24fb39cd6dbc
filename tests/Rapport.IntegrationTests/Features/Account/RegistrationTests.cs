using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>Open registration must not tell a stranger who has an account. With a mail server, every
/// email gets the same answer and the email says the rest; without one, "already exists" is said, and
/// each time it is counted against the client address.</summary>
public class RegistrationTests
{
    private const string Password = "a long and quiet pass phrase";

    private static Dictionary<string, string?> WithMail(SmtpListener smtp) => new()
    {
        ["Email:Host"] = "127.0.0.1", ["Email:Port"] = smtp.Port.ToString(), ["Email:From"] = "rapport@example.org",
        ["Email:CheckEvery"] = "01:00:00",
    };

    private static async Task<HttpResponseMessage> RegisterAsync(AppClient client, string email, bool withPassword = true)
    {
        var page = await client.GetPageAsync("/account/register");
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sam Planted", ["Input.Email"] = email, ["Input.TimeZoneId"] = "Europe/Berlin",
        };
        if (withPassword) (fields["Input.Password"], fields["Input.ConfirmPassword"]) = (Password, Password);
        return await client.SubmitAsync(page, "main form", fields);
    }

    /// <summary>Everything the client receives but the Date header.</summary>
    private static async Task<string> WholeAnswerAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}\n"
        + string.Join("\n", response.Headers.Concat(response.Content.Headers).Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"))
        + "\n\n" + Convert.ToHexString(await response.Content.ReadAsByteArrayAsync());

    [Fact]
    public async Task With_mail_a_taken_email_and_a_new_one_get_byte_identical_answers_and_the_email_tells_each_what_to_do()
    {
        await using var smtp = new SmtpListener();
        await using var app = await RapportApp.StartAsync(WithMail(smtp));
        var newEmail = $"new-{Guid.NewGuid():N}@example.com";

        var form = await app.CreateAppClient().GetPageAsync("/account/register");
        Assert.Null(form.Document.QuerySelector("input[name='Input.Password']"));
        var taken = await RegisterAsync(app.CreateAppClient(), RapportApp.OwnerEmail.ToUpperInvariant(), withPassword: false);
        var fresh = await RegisterAsync(app.CreateAppClient(), newEmail, withPassword: false);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(await WholeAnswerAsync(taken), await WholeAnswerAsync(fresh));
        var client = app.CreateAppClient();
        var sent = await client.FollowAsync(fresh);
        Assert.Contains("We sent an email", sent.Status);
        Assert.False(client.Cookies.ContainsKey("Rapport.SignIn"));

        // Nothing is made until the link is used; the owner's account is untouched.
        Assert.False(await app.WithDbAsync(null, db => db.Users.AnyAsync(u => u.Email == newEmail)));
        var ownersMail = Assert.Single(smtp.TextsTo(RapportApp.OwnerEmail));
        Assert.Contains("You already have one, so nothing was changed.", ownersMail);
        Assert.Contains("https://rapport.test/account/sign-in", ownersMail);
        Assert.DoesNotContain("/account/register/finish", ownersMail);
        // Only the address is taken from the form: the name typed there is not mailed to anyone.
        Assert.DoesNotContain("Planted", ownersMail);
        var newMail = Assert.Single(smtp.TextsTo(newEmail));
        Assert.DoesNotContain("Planted", newMail);
        await app.SignInOwnerAsync();

        // The new person finishes from the link, in the page it opens.
        var person = app.CreateAppClient();
        var finish = await person.GetPageAsync(RapportApp.RegistrationLink(newMail));
        Assert.Contains(newEmail, finish.Text);
        var weak = await person.SubmitAsync(finish, "main form", new() { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short" });
        Assert.NotNull((await HtmlPage.ReadAsync(weak, "")).ErrorFor("Input.Password"));
        var made = await person.SubmitAsync(finish, "main form", new() { ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password });
        Assert.Equal("/", made.Headers.Location!.OriginalString);
        var today = await person.FollowAsync(made);
        Assert.Contains("Welcome to Rapport", today.Status);
        var account = await app.WithDbAsync(null, db => db.Users.SingleAsync(u => u.Email == newEmail));
        Assert.True(account.EmailConfirmed);
        Assert.Equal(("Sam Planted", "Europe/Berlin"), (account.DisplayName, account.TimeZoneId));

        // The link makes one account: used again, it says the account exists.
        var other = app.CreateAppClient();
        var again = await other.GetPageAsync(RapportApp.RegistrationLink(newMail));
        var twice = await HtmlPage.ReadAsync(await other.SubmitAsync(again, "main form",
            new() { ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password }), "");
        Assert.Equal("An account with this email already exists. Sign in instead.", twice.ErrorFor("Input.Email"));
        Assert.Equal(1, await app.WithDbAsync(null, db => db.Users.CountAsync(u => u.Email == newEmail)));
    }

    [Fact]
    public async Task With_mail_the_link_expires_after_a_day_and_one_address_gets_at_most_three_emails_an_hour()
    {
        await using var smtp = new SmtpListener();
        await using var app = await RapportApp.StartAsync(WithMail(smtp));
        var email = $"new-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(app.CreateAppClient(), email, withPassword: false);
        var link = RapportApp.RegistrationLink(Assert.Single(smtp.TextsTo(email)));

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var client = app.CreateAppClient();
        var expired = await client.GetPageAsync(link);
        Assert.Contains("has expired", expired.Text);
        Assert.Null(expired.Document.QuerySelector("input[name='Input.Password']"));
        var token = expired.Document.QuerySelector("meta[name=antiforgery-token]")!.GetAttribute("content")!;
        var key = link[(link.IndexOf("key=", StringComparison.Ordinal) + 4)..];
        var forced = await client.PostAsync("/account/register/finish",
            [new("__RequestVerificationToken", token), new("Key", key), new("Input.Password", Password), new("Input.ConfirmPassword", Password)]);
        Assert.Contains("has expired", (await HtmlPage.ReadAsync(forced, "")).Text);
        Assert.False(await app.WithDbAsync(null, db => db.Users.AnyAsync(u => u.Email == email)));

        // A flood of registrations for one address: the same answer every time, three emails an hour.
        for (var i = 0; i < 5; i++)
            Assert.Contains("handler=Sent", (await RegisterAsync(app.CreateAppClient(), email, withPassword: false)).Headers.Location!.OriginalString);
        Assert.Equal(1 + 3, smtp.TextsTo(email).Count);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await RegisterAsync(app.CreateAppClient(), email, withPassword: false);
        Assert.Equal(1 + 3 + 1, smtp.TextsTo(email).Count);
    }

    [Fact]
    public async Task Without_mail_each_already_exists_answer_counts_and_the_sixth_registration_waits()
    {
        await using var app = await RapportApp.StartAsync();
        var first = await RegisterAsync(app.CreateAppClient(), RapportApp.OwnerEmail);
        var page = await HtmlPage.ReadAsync(first, "");
        Assert.Equal("An account with this email already exists. Sign in instead.", page.ErrorFor("Input.Email"));
        // A new account in between is not counted.
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(app.CreateAppClient(), $"new-{Guid.NewGuid():N}@example.com")).StatusCode);
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await RegisterAsync(app.CreateAppClient(), RapportApp.OwnerEmail)).StatusCode);

        // Five "already exists" answers from this address: the next registration waits, whatever its email.
        var refused = await RegisterAsync(app.CreateAppClient(), $"new-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 890, 900);
        Assert.Contains("Too many sign-in attempts", (await HtmlPage.ReadAsync(refused, "")).Text);
        // Signing in is not held up.
        await app.SignInOwnerAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(app.CreateAppClient(), $"new-{Guid.NewGuid():N}@example.com")).StatusCode);
    }
}
