using Microsoft.Playwright;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright against the real app on a loopback port. Playwright
/// never downloads a browser here; a missing /usr/bin/chromium fails the test (scripts/test installs it).</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<string> _problems = [];

    private BrowserSession(RapportApp app, IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        App = app;
        Playwright = playwright;
        Browser = browser;
        Context = context;
        Page = page;
        // Any dialog (a stored script running) or Content-Security-Policy complaint is a failure.
        page.Dialog += (_, dialog) => { _problems.Add("dialog: " + dialog.Message); _ = dialog.DismissAsync(); };
        page.Console += (_, message) =>
        {
            // A refused form answers 422 on purpose (htmx swaps it in); the browser logs that as a failed load.
            // A test that cuts the network expects the fetches it makes meanwhile to fail.
            var expectedRefusal = message.Text.Contains("status of 422", StringComparison.Ordinal)
                || message.Text.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal);
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || (message.Type == "error" && !expectedRefusal))
                _problems.Add($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => _problems.Add("page error: " + error);
    }

    public RapportApp App { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public string BaseUrl => App.ServerAddress.ToString().TrimEnd('/');

    /// <summary>Dialogs, script errors and CSP violations seen so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static async Task<BrowserSession> StartAsync(
        Dictionary<string, string?>? settings = null, bool completeSetup = false, ViewportSize? viewport = null, string timeZone = "America/Chicago", bool touch = false)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Run scripts/test, which installs Debian's chromium.");
        var app = await RapportApp.StartAsync(settings, completeSetup: completeSetup, realServer: true);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = timeZone,
            HasTouch = touch,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(app, playwright, browser, context, page);
    }

    public Task GoAsync(string path) => Page.GotoAsync(BaseUrl + path);

    /// <summary>Saves a screenshot under TestResults/screenshots at the repository root, to look at.</summary>
    public async Task ScreenshotAsync(string name, IPage? page = null) =>
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath(name + ".png"), FullPage = true });

    /// <summary>Where a screenshot or printed file named so goes: TestResults/screenshots at the repository root.</summary>
    public static string ShotPath(string fileName)
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rapport.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? Path.GetTempPath();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
