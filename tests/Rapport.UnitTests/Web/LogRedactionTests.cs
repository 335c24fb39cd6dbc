using Rapport.Web;

namespace Rapport.UnitTests.Web;

public class LogRedactionTests
{
    private const string Feed = "rpcal_Q2hvb3NlIGEgbG9uZyByYW5kb20gdG9rZW4-_x9";
    private const string Api = "rap_b3RoZXIgcmFuZG9tIGJ5dGVzIGhlcmU_-Zz";
    private const string Invitation = "rinv_aW52aXRhdGlvbiB0b2tlbiBieXRlcw-_Q";

    [Theory]
    // Paths: the shape stays, the token goes.
    [InlineData("GET /calendar/" + Feed + ".ics", "GET /calendar/rpcal_[redacted].ics")]
    [InlineData("GET /api/tokens/" + Api, "GET /api/tokens/rap_[redacted]")]
    [InlineData("GET /invitations/" + Invitation + "/accept", "GET /invitations/rinv_[redacted]/accept")]
    [InlineData("/calendar/rpcal%5F" + "AbCdEf0123.ics", "/calendar/rpcal%5F[redacted].ics")]
    [InlineData("/calendar/RPCAL_AbCdEf0123.ics", "/calendar/RPCAL_[redacted].ics")]
    // A fragment of a token is still part of a secret.
    [InlineData("/calendar/rpcal_Ab.ics", "/calendar/rpcal_[redacted].ics")]
    // Query strings: tokens anywhere, and the values of names that carry secrets; the rest stays.
    [InlineData("https://rapport.test/calendar/feed?t=" + Feed + "&view=week", "https://rapport.test/calendar/feed?t=rpcal_[redacted]&view=week")]
    [InlineData("/account/reset?code=Q2hvb3Nl&returnUrl=/today", "/account/reset?code=[redacted]&returnUrl=/today")]
    [InlineData("?token=abc123&page=2", "?token=[redacted]&page=2")]
    [InlineData("?access_token=abc123", "?access_token=[redacted]")]
    [InlineData("?api_key=abc123&q=ada", "?api_key=[redacted]&q=ada")]
    [InlineData("?invitation=" + Invitation, "?invitation=[redacted]")]
    [InlineData("Input.Email=a%40example.com&Input.Password=hunter2hunter2", "Input.Email=a%40example.com&Input.Password=[redacted]")]
    [InlineData("__RequestVerificationToken=CfDJ8AbCdEfGhIjKlMn", "__RequestVerificationToken=[redacted]")]
    [InlineData("Host=db;Username=rapport;Password=hunter2;Database=rapport", "Host=db;Username=rapport;Password=[redacted];Database=rapport")]
    // Referrers: a whole address as a header value.
    [InlineData("Referer: https://rapport.test/calendar/" + Feed + ".ics", "Referer: https://rapport.test/calendar/rpcal_[redacted].ics")]
    [InlineData("Referer: https://mail.example/?u=https%3A%2F%2Frapport.test%2Finvitations%2F" + Invitation, "Referer: https://mail.example/?u=https%3A%2F%2Frapport.test%2Finvitations%2Frinv_[redacted]")]
    // Headers and cookies.
    [InlineData("Authorization: Bearer " + Api, "Authorization: Bearer [redacted]")]
    [InlineData("Authorization: Bearer eyJhbGciOi.x.y", "Authorization: Bearer [redacted]")]
    [InlineData("Cookie: Rapport.SignIn=CfDJ8AbCdEfGhIjKlMnOpQr", "Cookie: Rapport.SignIn=[redacted]")]
    // Exception messages quote paths and values.
    [InlineData("Could not find file '/data/" + Feed + ".ics'.", "Could not find file '/data/rpcal_[redacted].ics'.")]
    [InlineData("The token '" + Api + "' is not valid (invitation " + Invitation + ").", "The token 'rap_[redacted]' is not valid (invitation rinv_[redacted]).")]
    public void Secrets_are_redacted_and_the_shape_stays(string text, string expected) =>
        Assert.Equal(expected, LogRedaction.Redact(text));

    [Theory]
    [InlineData("Request failed, reference K7QF2M9X: GET /people/12/edit (/People/Edit)")]
    [InlineData("A scrap_heap, a trap_door and a wrap_up are not tokens")]
    [InlineData("/people?tag=rapport&sort=name&returnUrl=/today")]
    [InlineData("Audit SignedIn for account 0d19f112-eb69-4c0c-a83e-5b119c7f2a14 from 127.0.0.1")]
    [InlineData("rpcal_ alone, with nothing after it")]
    public void Text_without_secrets_is_left_alone(string text) => Assert.Equal(text, LogRedaction.Redact(text));

    [Fact]
    public void Structured_values_are_redacted_by_their_text_and_keep_their_type_when_they_hold_none()
    {
        Assert.Equal("/calendar/rpcal_[redacted].ics", LogRedaction.RedactValue(new Microsoft.AspNetCore.Http.PathString("/calendar/" + Feed + ".ics")));
        Assert.Equal("?code=[redacted]", LogRedaction.RedactValue(new Microsoft.AspNetCore.Http.QueryString("?code=abc")));
        Assert.Equal(new string?[] { "/calendar/rpcal_[redacted].ics", "42" }, (string?[])LogRedaction.RedactValue(new object[] { "/calendar/" + Feed + ".ics", 42 })!);
        Assert.Equal(42, LogRedaction.RedactValue(42));
        var path = new Microsoft.AspNetCore.Http.PathString("/people/12");
        Assert.Equal(path, LogRedaction.RedactValue(path));
    }
}
