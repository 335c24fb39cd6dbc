using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>The check run after every suite (scripts/check-app-logs) finds a planted secret, and the
/// app logs none while people sign in, fail to, change passwords and use calendar feeds.</summary>
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
    public async Task A_planted_secret_fails_the_check_and_is_not_printed(string leak)
    {
        var (code, output) = await CheckAsync(NewFolder(CleanLine + leak + "\n", "a long and quiet pass phrase\n"));
        Assert.Equal(1, code);
        Assert.Contains("sqlite-1.log:2", output);
        Assert.DoesNotContain("quiet pass phrase", output);
        Assert.DoesNotContain("hunter2hunter2", output);
    }

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
