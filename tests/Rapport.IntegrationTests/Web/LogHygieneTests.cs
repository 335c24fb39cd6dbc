using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>The check run after every suite (scripts/check-app-logs) finds a planted secret, and the
/// app logs none while people sign in, fail to, change passwords and use calendar feeds, even when a feed fails.</summary>
public class LogHygieneTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static async Task<(int ExitCode, string Output)> CheckAsync(string folder)
    {
        var script = Path.Combine(AppLogFiles.RepositoryRoot(), "scripts", "check-app-logs");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, folder])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
        return (process.ExitCode, output);
    }

    private static string NewFolder(string log, string secrets = "")
    {
        var folder = Path.Combine(Path.GetTempPath(), "rapport-log-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "sqlite-1.log"), log);
        File.WriteAllText(Path.Combine(folder, "sqlite-1.secrets"), secrets);
        return folder;
    }

    private const string CleanLine = "2026-11-27T15:00:00Z Information Rapport.Web.AuditTrail[1001:SignedIn] Audit SignedIn for account u1 from 127.0.0.1: \n";

    [Fact]
    public async Task A_clean_log_passes()
    {
        var (code, output) = await CheckAsync(NewFolder(CleanLine, "a long and quiet pass phrase\n"));
        Assert.True(code == 0, output);
    }

    [Theory]
    [InlineData("Login form: user typed a long and quiet pass phrase")]
    [InlineData("Request finished GET https://rapport.test/calendar/rf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef.ics 200")]
    [InlineData("Opening connection: Host=db;Username=rapport;Password=hunter2hunter2")]
    [InlineData("Form: Input.Email=a@example.com&Input.Password=whatever")]
    [InlineData("Cookie: Rapport.SignIn=CfDJ8AbCdEfGhIjKlMnOpQrStUvWxYz0123")]
    [InlineData("Bad token __RequestVerificationToken=abc")]
    [InlineData("Request failed: GET /calendar/rpcal_AbC-d_9.ics")]
    [InlineData("Authorization: Bearer rap_AbCdEf0123")]
    [InlineData("Referer: https://rapport.test/invitations/rinv%5FAbCdEf0123")]
    public async Task A_planted_secret_fails_the_check_and_is_not_printed(string leak)
    {
        var (code, output) = await CheckAsync(NewFolder(CleanLine + leak + "\n", "a long and quiet pass phrase\n"));
        Assert.Equal(1, code);
        Assert.Contains("sqlite-1.log:2", output);
        Assert.DoesNotContain("quiet pass phrase", output);
        Assert.DoesNotContain("hunter2hunter2", output);
    }

    [Theory]
    [InlineData("Request failed: GET /calendar/rpcal_[redacted].ics (HTTP: GET /calendar/{token}.ics)")]
    [InlineData("Opening connection: Host=db;Username=rapport;Password=[redacted]")]
    [InlineData("Request starting GET https://rapport.test/account/reset?code=[redacted]&returnUrl=/today")]
    [InlineData("A scrap_heap and a trap_door are not tokens")]
    public async Task A_redacted_line_passes_the_check(string line)
    {
        var (code, output) = await CheckAsync(NewFolder(CleanLine + line + "\n"));
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task A_failing_calendar_feed_request_leaves_no_token_in_any_log_line()
    {
        // Request logging on, as someone chasing a problem would set it: every path and query string is logged too.
        await using var app = await RapportApp.StartAsync(new() { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });
        var feed = await FailingFeed.MakeAsync(app);
        var token = FailingFeed.Token(feed);
        var client = app.CreateAppClient();

        var failed = await client.GetAsync(feed + "?token=" + token, new() { ["Referer"] = "https://calendar.example/subscribe?url=https://rapport.test" + feed });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        // The failure is logged, its path in shape, and the request log saw the address: the check below has something to find.
        Assert.Contains(app.Logs.Lines, line => line.Contains("Request failed", StringComparison.Ordinal)
            && line.Contains("GET /calendar/rpcal_[redacted].ics", StringComparison.Ordinal) && line.Contains("   at ", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, line => line.Contains("Request starting", StringComparison.Ordinal)
            && line.Contains("/calendar/rpcal_[redacted].ics?token=[redacted]", StringComparison.Ordinal));
        var everyLine = string.Join("\n", app.Logs.Lines) + "\n" + await File.ReadAllTextAsync(AppLogFiles.LogPath);
        Assert.DoesNotContain(token, everyLine, StringComparison.Ordinal);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("rpcal_[A-Za-z0-9_-]"), everyLine);

        var folder = Path.Combine(Path.GetTempPath(), "rapport-log-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(AppLogFiles.LogPath, Path.Combine(folder, "this-run.log"));
        File.Copy(Path.ChangeExtension(AppLogFiles.LogPath, ".secrets"), Path.Combine(folder, "this-run.secrets"));
        Assert.Contains(token, await File.ReadAllTextAsync(Path.Combine(folder, "this-run.secrets")));
        var (code, output) = await CheckAsync(folder);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Every_logger_of_the_app_passes_through_the_redaction() =>
        Assert.IsType<Rapport.Web.RedactedLoggerFactory>(_app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());

    [Fact]
    public void The_database_never_logs_parameter_values()
    {
        using var scope = _app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<Rapport.Data.RapportDb>>();
        var core = options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>();
        Assert.NotNull(core);
        Assert.False(core.IsSensitiveDataLoggingEnabled);
    }

    [Fact]
    public async Task No_logs_at_all_fail_the_check()
    {
        var folder = NewFolder("");
        var (code, output) = await CheckAsync(folder);
        Assert.Equal(1, code);
        Assert.Contains("nothing was checked", output);
    }

    [Fact]
    public async Task Signing_in_wrong_passwords_a_password_change_and_calendar_feeds_leave_no_secret_in_the_log()
    {
        var user = await _app.SignUpAsync();
        var guess = _app.CreateAppClient();
        var signIn = await guess.GetPageAsync("/account/sign-in");
        await guess.SubmitAsync(signIn, "main form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = "a guessed pass phrase" });

        var calendar = await user.Client.GetPageAsync("/account/calendar");
        var made = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(calendar, "form[action*='handler=Create']", []), "/account/calendar");
        var feed = new Uri(made.Document.QuerySelector("input.feed-url-value")!.GetAttribute("value")!);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateAppClient().GetAsync(feed.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync(feed.AbsolutePath.Replace(".ics", "x.ics"))).StatusCode);

        var change = await user.Client.GetPageAsync("/account/change-password");
        await user.Client.SubmitAsync(change, "main form", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "a changed pass phrase here",
            ["Input.ConfirmPassword"] = "a changed pass phrase here",
        });

        var folder = Path.Combine(Path.GetTempPath(), "rapport-log-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(AppLogFiles.LogPath, Path.Combine(folder, "this-run.log"));
        File.Copy(Path.ChangeExtension(AppLogFiles.LogPath, ".secrets"), Path.Combine(folder, "this-run.secrets"));
        Assert.Contains("a changed pass phrase here", await File.ReadAllTextAsync(Path.Combine(folder, "this-run.secrets")));
        var (code, output) = await CheckAsync(folder);
        Assert.True(code == 0, output);
    }
}
