using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>The published app started the way the container starts it: from <c>scripts/publish</c>'s output, with the
/// Dockerfile's and compose.yaml's own variables, a read-only application folder, a separate data folder and a user
/// that is not root; then the first account is made and signs in. On the run's database (SQLite as the image alone,
/// PostgreSQL as compose runs it). scripts/test publishes once (RAPPORT_PUBLISHED_APP); alone, the test publishes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedStartTests : IAsyncLifetime
{
    private const int Nobody = 65534;
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    private TestDatabase _database = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _folder = Directory.CreateTempSubdirectory("rapport-published-").FullName;
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_published_app_starts_as_the_container_does_and_its_first_account_signs_in()
    {
        var app = await Published.Value;
        var before = Directory.GetFiles(app, "*", SearchOption.AllDirectories).Order().ToList();
        var data = Path.Combine(_folder, "data");
        var home = Path.Combine(_folder, "home");
        foreach (var folder in new[] { data, home }) Directory.CreateDirectory(folder);
        var port = FreePort();
        var environment = ContainerEnvironment(data, port);
        // Logs as JSON lines, as a log collector wants them; checked below, and for secrets with the suites' logs.
        environment["Logging__Console__FormatterName"] = "json";

        var start = new ProcessStartInfo(RunningAsRoot ? "setpriv" : "dotnet") { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        if (RunningAsRoot)
        {
            foreach (var folder in new[] { data, home }) Chown(folder, Nobody);
            foreach (var argument in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet" }) start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add(Path.Combine(app, "Rapport.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) && !k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["HOME"] = home;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(http, process, output, errors);

            // The first visit makes the owner, as a self-hoster's would; then that account signs in anew.
            Assert.Equal(HttpStatusCode.Found, (await SubmitAsync(http, "/account/setup", new()
            {
                ["Input.DisplayName"] = "Self Hoster", ["Input.Email"] = "host@example.org", ["Input.Password"] = "a container's own pass phrase",
                ["Input.ConfirmPassword"] = "a container's own pass phrase", ["Input.TimeZoneId"] = "UTC",
            })).StatusCode);
            AppLogFiles.NoteSecret("a container's own pass phrase");
            using var again = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            { BaseAddress = http.BaseAddress };
            var signedIn = await SubmitAsync(again, "/account/sign-in", new() { ["Input.Email"] = "host@example.org", ["Input.Password"] = "a container's own pass phrase" });
            Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
            var today = await again.GetAsync("/today");
            Assert.Equal(HttpStatusCode.OK, today.StatusCode);
            Assert.Contains("Self Hoster", await today.Content.ReadAsStringAsync());
            var about = AppClient.Parse(await again.GetStringAsync("/about"));
            Assert.Matches(@"^0\.\d+\.\d+$", about.QuerySelector("#build [data-version]")!.TextContent);
            Assert.Equal(Repository.Git("rev-parse", "HEAD"), about.QuerySelector("#build [data-commit]")?.GetAttribute("data-commit"));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            AppLogFiles.Write(line);
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _) && entry.RootElement.TryGetProperty("Message", out _), line);
        }
        Assert.Contains(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));

        // What it wrote is in the data folder (or the database), and nothing in the application folder.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "keys"), "*.xml"));
        Assert.Equal(_database.Provider == TestProvider.Sqlite, File.Exists(Path.Combine(data, "rapport.db")));
        if (_database.Provider == TestProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var users = new NpgsqlCommand("SELECT count(*) FROM \"AspNetUsers\"", connection);
            Assert.Equal(1L, await users.ExecuteScalarAsync());
            NpgsqlConnection.ClearPool(connection);
        }
        Assert.Equal(before, Directory.GetFiles(app, "*", SearchOption.AllDirectories).Order().ToList());
    }

    /// <summary>The Dockerfile's ENV, then compose.yaml's environment for Rapport (PostgreSQL) or none (SQLite, the image
    /// alone), with only what must differ outside a container: the data folder, the port, and the database's address.</summary>
    private Dictionary<string, string> ContainerEnvironment(string data, int port)
    {
        var environment = ContainerFiles.DockerfileEnvironment();
        if (_database.Provider == TestProvider.PostgreSql)
        {
            var test = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
            foreach (var (key, value) in ContainerFiles.ComposeService("rapport").Environment)
                environment[key] = ContainerFiles.Interpolate(value, new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = test.Password! });
            var composed = new NpgsqlConnectionStringBuilder(environment["Database__ConnectionString"])
            {
                Host = test.Host, Port = test.Port, Username = test.Username, Database = test.Database,
            };
            Assert.Equal(test.Password, composed.Password); // the password came from the environment file's variable
            environment["Database__ConnectionString"] = composed.ToString();
        }
        Assert.Equal("/data", environment["App__DataDirectory"]);
        environment["App__DataDirectory"] = data;
        Assert.Equal("http://+:8080", environment["Urls"]);
        environment["Urls"] = $"http://127.0.0.1:{port}";
        return environment;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        var form = AppClient.Parse(await http.GetStringAsync(path)).QuerySelector("main form[method=post]")!;
        fields["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process process, Task<string> output, Task<string> errors)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) Assert.Fail($"The published app stopped (exit {process.ExitCode}):\n{await output}\n{await errors}");
            try
            {
                if ((await http.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        Assert.Fail("The published app did not become ready within 90 seconds.");
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static void Chown(string path, int user)
    {
        using var chown = Process.Start("chown", ["-R", $"{user}:{user}", path])!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>scripts/test's output, or the script run here; either way made read-only, as the image's /app is.</summary>
    private static async Task<string> PublishAsync()
    {
        var folder = Environment.GetEnvironmentVariable("RAPPORT_PUBLISHED_APP");
        if (string.IsNullOrEmpty(folder))
        {
            folder = Path.Combine(Path.GetTempPath(), "rapport-publish-" + Guid.NewGuid().ToString("N")[..8]);
            var publish = new ProcessStartInfo(Repository.PathOf("scripts", "publish")) { RedirectStandardOutput = true, RedirectStandardError = true };
            publish.ArgumentList.Add(folder);
            using var script = Process.Start(publish)!;
            var said = script.StandardOutput.ReadToEndAsync();
            var errors = script.StandardError.ReadToEndAsync();
            await script.WaitForExitAsync();
            Assert.True(script.ExitCode == 0, $"scripts/publish failed:\n{await said}\n{await errors}");
        }
        Assert.True(File.Exists(Path.Combine(folder, "Rapport.dll")), $"No published app in {folder}.");
        using var readOnly = Process.Start("chmod", ["-R", "a-w,a+rX", folder])!;
        await readOnly.WaitForExitAsync();
        File.SetUnixFileMode(Path.GetDirectoryName(Path.GetFullPath(folder))!, File.GetUnixFileMode(Path.GetDirectoryName(Path.GetFullPath(folder))!) | UnixFileMode.OtherExecute);
        return folder;
    }
}
