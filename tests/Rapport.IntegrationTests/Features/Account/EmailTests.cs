using System.Net;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>Mail through MailKit, tried from the owner's Email page against the suite's SMTP server: plain, STARTTLS
/// and TLS from the first byte (with a certificate the test makes and the app is told to trust), with a sign-in, and
/// each way it can fail, reported in plain words.</summary>
public class EmailTests
{
    private const string SmtpPassword = "the mail server's own secret";

    private static async Task<(RapportApp App, AppClient Owner)> StartAsync(SmtpListener smtp, Dictionary<string, string?>? more = null)
    {
        AppLogFiles.NoteSecret(SmtpPassword);
        var settings = new Dictionary<string, string?>
        {
            ["Email:Host"] = "localhost", ["Email:Port"] = smtp.Port.ToString(), ["Email:From"] = "Rapport <rapport@rapport.test>",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        var app = await RapportApp.StartAsync(settings);
        return (app, (await app.SignInOwnerAsync()).Client);
    }

    private static async Task<HtmlPage> SendTestAsync(AppClient owner)
    {
        var page = await owner.GetPageAsync("/admin/email");
        var response = await owner.SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ReadAsync(response, "/admin/email");
    }

    private static string Header(string data, string name) =>
        data.Split("\r\n").Concat(data.Split('\n')).First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();

    [Fact]
    public async Task A_plain_test_email_reaches_the_owner_with_its_own_message_id_date_and_utf8_text_and_the_page_quotes_the_server()
    {
        await using var smtp = new SmtpListener();
        var (app, owner) = await StartAsync(smtp);
        await using var _ = app;
        var settings = (await owner.GetPageAsync("/admin/email")).Document.QuerySelector("#mail-settings")!.TextContent;
        Assert.Contains($"localhost, port {smtp.Port}", settings);
        Assert.Contains("Not encrypted", settings);

        var done = await SendTestAsync(owner);
        var status = done.Document.QuerySelector("#mail-status")!.TextContent;
        Assert.Contains($"Sent to {RapportApp.OwnerEmail}.", status);
        Assert.Contains($"localhost:{smtp.Port} answered: 2.0.0 Queued as test-1", status);

        var (to, data) = Assert.Single(smtp.Messages);
        Assert.Equal(RapportApp.OwnerEmail, to);
        Assert.Matches(@"^<[^@>]+@rapport\.test>$", Header(data, "Message-Id"));
        Assert.Equal(app.Clock.GetUtcNow(), DateTimeOffset.Parse(Header(data, "Date").Replace(" (UTC)", ""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("charset=utf-8", Header(data, "Content-Type"));
        Assert.Contains("test email you asked for", SmtpListener.Text(data));
        Assert.False(Assert.Single(smtp.OverTls));
    }

    [Fact]
    public async Task Starttls_with_a_sign_in_sends_over_tls_to_a_server_whose_own_certificate_the_settings_trust()
    {
        using var certificate = SmtpListener.MakeCertificate();
        await using var smtp = new SmtpListener(SmtpListenerTls.StartTls, certificate, ("rapport", SmtpPassword));
        var (app, owner) = await StartAsync(smtp, new()
        {
            ["Email:Security"] = "StartTls", ["Email:TrustedCertificate"] = SmtpListener.Fingerprint(certificate),
            ["Email:UserName"] = "rapport", ["Email:Password"] = SmtpPassword,
        });
        await using var _ = app;
        var status = (await SendTestAsync(owner)).Document.QuerySelector("#mail-status")!.TextContent;
        Assert.Contains("Sent to", status);
        Assert.True(Assert.Single(smtp.OverTls));
    }

    [Fact]
    public async Task Tls_from_the_first_byte_sends_over_tls()
    {
        using var certificate = SmtpListener.MakeCertificate();
        await using var smtp = new SmtpListener(SmtpListenerTls.OnConnect, certificate);
        var (app, owner) = await StartAsync(smtp, new() { ["Email:Security"] = "SslOnConnect", ["Email:TrustedCertificate"] = SmtpListener.Fingerprint(certificate) });
        await using var _ = app;
        Assert.Contains("Sent to", (await SendTestAsync(owner)).Document.QuerySelector("#mail-status")!.TextContent);
        Assert.True(Assert.Single(smtp.OverTls));
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "untrusted certificate", "its certificate is not trusted" },
        { "wrong password", "refused the sign-in of rapport: check Email__UserName and Email__Password" },
        { "no starttls offered", "does not offer STARTTLS" },
        { "nothing listening", "Rapport could not reach localhost:" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_server_that_refuses_gets_a_plain_answer_on_the_page_and_nothing_is_sent(string failure, string said)
    {
        using var certificate = SmtpListener.MakeCertificate();
        await using var smtp = failure switch
        {
            "untrusted certificate" => new SmtpListener(SmtpListenerTls.StartTls, certificate),
            "wrong password" => new SmtpListener(login: ("rapport", "another secret")),
            _ => new SmtpListener(),
        };
        var settings = failure switch
        {
            "untrusted certificate" or "no starttls offered" => new Dictionary<string, string?> { ["Email:Security"] = "StartTls" },
            "wrong password" => new() { ["Email:UserName"] = "rapport", ["Email:Password"] = SmtpPassword },
            _ => [],
        };
        var (app, owner) = await StartAsync(smtp, settings);
        await using var _ = app;
        if (failure == "nothing listening") await smtp.DisposeAsync();

        var status = (await SendTestAsync(owner)).Document.QuerySelector("#mail-status")!.TextContent;
        Assert.Contains("Not sent.", status);
        Assert.Contains(said, status);
        Assert.DoesNotContain(SmtpPassword, status);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Only_the_owner_finds_the_page_and_its_link()
    {
        await using var smtp = new SmtpListener();
        var (app, owner) = await StartAsync(smtp);
        await using var _ = app;
        var other = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync("/admin/email")).StatusCode);
        var token = (await other.Client.GetPageAsync("/account/profile")).Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = smtp.Messages.Count; // signing up sent the link that finishes the registration
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync("/admin/email", [new("__RequestVerificationToken", token)])).StatusCode);
        Assert.Equal(before, smtp.Messages.Count);
        Assert.DoesNotContain("/admin/email", (await other.Client.GetPageAsync("/account/profile")).Html);
        Assert.Contains("/admin/email", (await owner.GetPageAsync("/account/profile")).Html);
    }

    [Fact]
    public async Task Without_a_mail_server_the_page_says_what_to_set_and_offers_no_button()
    {
        await using var app = await RapportApp.StartAsync();
        var owner = (await app.SignInOwnerAsync()).Client;
        var page = await owner.GetPageAsync("/admin/email");
        Assert.Contains("Email__Host", page.Document.QuerySelector("#mail-status")!.TextContent);
        Assert.Null(page.Document.QuerySelector("main form"));
    }
}
