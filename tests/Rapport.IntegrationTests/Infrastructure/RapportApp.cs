using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rapport.Data;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>The real app in process, on its own fresh database, with settings a test chooses.</summary>
public class RapportApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    protected RapportApp(TestDatabase database, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Database = database;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.ProviderSetting,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["App:DataDirectory"] = database.DataDirectory,
            ["App:PublicUrl"] = "https://rapport.test",
            ["Accounts:Registration"] = "Open",
            // Tests sign up and in far faster than people; the sign-in limit tests set their own.
            ["SignInLimits:PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings) _settings[key] = value;
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));

    /// <summary>What the app logged.</summary>
    public LogSink Logs { get; } = new();

    /// <summary>Starts the app; unless told not to, goes through first-run setup so the install has its owner.</summary>
    /// <param name="services">Replaces app services for the test (a counting decorator, say).</param>
    public static async Task<RapportApp> StartAsync(
        Dictionary<string, string?>? settings = null, TestProvider? provider = null, bool completeSetup = true, bool realServer = false,
        Action<IServiceCollection>? services = null)
    {
        var app = new RapportApp(await TestDatabase.CreateAsync(provider), settings ?? [], services);
        return await app.StartAsync(completeSetup, realServer);
    }

    /// <summary>Starts the app on a database a test prepared (an older schema, say); start-up brings it up to date.</summary>
    public static Task<RapportApp> StartOnAsync(TestDatabase database, Dictionary<string, string?>? settings = null, bool completeSetup = false) =>
        new RapportApp(database, settings ?? []).StartAsync(completeSetup, realServer: false);

    /// <summary>Stops this app and starts a new process-like instance on the same database and data
    /// folder, as a restart would.</summary>
    public async Task<RapportApp> RestartAsync()
    {
        _keepDatabase = true;
        await DisposeAsync();
        return await new RapportApp(Database, _settings, _services).StartAsync(completeSetup: false, realServer: false);
    }

    private bool _keepDatabase;

    /// <summary>Stops the app as a shutdown would, leaving its database and data folder for the test to use.</summary>
    public async Task StopKeepingDatabaseAsync()
    {
        _keepDatabase = true;
        await DisposeAsync();
        // A stopped process holds no connections; pooled ones here would outlive it and keep the old file open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task<RapportApp> StartAsync(bool completeSetup, bool realServer)
    {
        var app = this;
        // A real Kestrel port on loopback, for a real browser. Kestrel picks the port itself: UseKestrel(port) rewrites
        // the server's addresses after the app has started Kestrel on its own thread, and throws when Kestrel bound
        // first (a race in WebApplicationFactory, dotnet/aspnetcore pull request 67714).
        app._realServer = realServer;
        if (realServer) app.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        app._started = true;
        // The app prepares its database while its server starts; tests reach the database directly, so they wait for it.
        await Services.GetRequiredService<Rapport.Data.DatabaseReadiness>().Ready;
        if (completeSetup) await app.CompleteSetupAsync();
        return app;
    }

    public const string OwnerEmail = "owner@example.com";
    public const string OwnerPassword = "the owner's own pass phrase";

    public async Task<AppClient> CompleteSetupAsync()
    {
        var client = CreateAppClient();
        var page = await client.GetPageAsync("/account/setup");
        var response = await client.SubmitAsync(page, "main form", new()
        {
            ["Input.DisplayName"] = "Owner",
            ["Input.Email"] = OwnerEmail,
            ["Input.Password"] = OwnerPassword,
            ["Input.ConfirmPassword"] = OwnerPassword,
            ["Input.TimeZoneId"] = "UTC",
        });
        if ((int)response.StatusCode != 302) throw new InvalidOperationException("Setup failed: " + await response.Content.ReadAsStringAsync());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (_services is not null) builder.ConfigureTestServices(_services);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureLogging(logging => logging.AddProvider(new AppLogFileProvider()));
        AppLogFiles.NoteSecret(OwnerPassword);
        AppLogFiles.NoteSecret(DemoOptions.Password);
    }

    /// <summary>Where the real server listens (only with <c>realServer: true</c>).</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    public AppClient CreateAppClient() => new(_realServer
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = ServerAddress }
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    private bool _realServer;
    private bool _started;

    /// <summary>A browser-like client signed in as the install's owner (the account made at setup).</summary>
    public async Task<SignedInUser> SignInOwnerAsync()
    {
        var client = CreateAppClient();
        var page = await client.GetPageAsync("/account/sign-in");
        var response = await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = OwnerEmail, ["Input.Password"] = OwnerPassword });
        if ((int)response.StatusCode != 302) throw new InvalidOperationException("The owner could not sign in.");
        var userId = await WithDbAsync(null, db => db.Users.Where(u => u.Email == OwnerEmail).Select(u => u.Id).SingleAsync());
        return new SignedInUser(client, userId, OwnerEmail, OwnerPassword);
    }

    /// <summary>A browser-like client with a new account, signed in.</summary>
    public async Task<SignedInUser> SignUpAsync(string? name = null)
    {
        var client = CreateAppClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var password = "a long and quiet pass phrase";
        AppLogFiles.NoteSecret(password);
        var page = await client.GetPageAsync("/account/register");
        var response = await client.SubmitAsync(page, "main form", new()
        {
            ["Input.DisplayName"] = name ?? "Test Person",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.TimeZoneId"] = "Europe/Berlin",
        });
        // With a mail server set up, registration finishes from the emailed link.
        if (response.Headers.Location?.OriginalString.Contains("handler=Sent", StringComparison.OrdinalIgnoreCase) == true)
            response = await FinishFromEmailAsync(client, email, password);
        if ((int)response.StatusCode != 302) throw new InvalidOperationException($"Sign-up failed: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        var userId = await WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new SignedInUser(client, userId, email, password);
    }

    /// <summary>Opens the link in the registration email sent to <paramref name="email"/> (through the test's
    /// <see cref="SmtpListener"/>) and chooses the password there.</summary>
    public async Task<HttpResponseMessage> FinishFromEmailAsync(AppClient client, string email, string password)
    {
        var smtp = SmtpListener.On(int.Parse(_settings["Email:Port"]!)) ?? throw new InvalidOperationException("No SMTP listener for the app's Email:Port.");
        var link = RegistrationLink(smtp.TextsTo(email).LastOrDefault() ?? throw new InvalidOperationException($"No email to {email}."));
        var page = await client.GetPageAsync(link);
        return await client.SubmitAsync(page, "main form", new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
    }

    /// <summary>The app-relative finishing link in a registration email.</summary>
    public static string RegistrationLink(string emailText)
    {
        var match = System.Text.RegularExpressions.Regex.Match(emailText, @"https://rapport\.test(/account/register/finish\?key=[A-Za-z0-9_-]+)");
        if (!match.Success) throw new InvalidOperationException("The email holds no finishing link:\n" + emailText);
        return match.Groups[1].Value;
    }

    /// <summary>Runs <paramref name="work"/> with a database context acting for <paramref name="ownerId"/> (or no one).</summary>
    public async Task<T> WithDbAsync<T>(string? ownerId, Func<RapportDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        if (ownerId is not null) scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(ownerId);
        return await work(scope.ServiceProvider.GetRequiredService<RapportDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        // The host never disposes its environment's file providers, and the one over wwwroot watches its folders (for
        // asp-append-version) with one inotify instance per app on Linux: a run that starts a few hundred apps would
        // reach the system's limit of 128 before the garbage collector frees them, and every later app would fail to start.
        // Only once: a test that disposes its app before its fixture does would find the services gone the second time.
        var environment = _started ? Services.GetService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>() : null;
        _started = false;
        await base.DisposeAsync();
        foreach (var provider in new[] { environment?.WebRootFileProvider, environment?.ContentRootFileProvider }.OfType<Microsoft.Extensions.FileProviders.IFileProvider>())
        {
            var parts = provider is Microsoft.Extensions.FileProviders.CompositeFileProvider composite ? composite.FileProviders : [provider];
            foreach (var part in parts.OfType<IDisposable>()) part.Dispose();
        }
        if (!_keepDatabase) await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed record SignedInUser(AppClient Client, string Id, string Email, string Password);

/// <summary>One app shared by the tests of a class; each test makes its own users, so they never meet.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public RapportApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await RapportApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
