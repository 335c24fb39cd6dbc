using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Rapport.Bench.Hosting;

/// <summary>A signed-in browser, reduced to what the benchmark needs: cookies, the antiforgery token of
/// each form, and the requests a person's clicks send.</summary>
public sealed partial class RapportSession : IDisposable
{
    public const string Email = "bench@rapport.example";
    public const string Password = "a long bench password, not for real use";

    private readonly HttpClient _client;

    /// <param name="cookies">Kept across restarts of the app (cookies ignore the port), so a session survives them.</param>
    public RapportSession(Uri address, int connections = 64, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        _client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
    }

    public HttpClient Client => _client;

    /// <summary>The first visit to a new install makes the owner's account, and signs them in.</summary>
    public Task SetUpOwnerAsync() => MakeAccountAsync("/account/setup", "Bench Person", Email, "America/New_York");

    /// <summary>Makes and signs in a second account (the app must allow registration).</summary>
    public Task RegisterAsync(string email) => MakeAccountAsync("/account/register", "Another person", email, "UTC");

    private async Task MakeAccountAsync(string path, string name, string email, string timeZone)
    {
        var token = await TokenAsync(path);
        using var response = await PostFormAsync(path, token, new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.TimeZoneId"] = timeZone,
        });
        Expect(response, HttpStatusCode.Redirect, "making the account " + email);
        await EnsureSignedInAsync();
    }

    public async Task SignInAsync(string email = Email)
    {
        var token = await TokenAsync("/account/sign-in");
        using var response = await PostFormAsync("/account/sign-in", token, new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Expect(response, HttpStatusCode.Redirect, "signing in");
        await EnsureSignedInAsync();
    }

    /// <summary>Upload, look at the preview, confirm: what a person does to import their LinkedIn export.</summary>
    public async Task ImportLinkedInAsync(byte[] file, bool withHistory = false)
    {
        using var confirm = await ConfirmImportAsync(await UploadLinkedInAsync(file), withHistory);
        Expect(confirm, HttpStatusCode.Redirect, "confirming the import");
    }

    /// <summary>Uploads the export; the answer is the address of its preview.</summary>
    public async Task<string> UploadLinkedInAsync(byte[] file)
    {
        var token = await TokenAsync("/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "Connections.csv");
        using var upload = await _client.PostAsync("/import?handler=LinkedIn", form);
        Expect(upload, HttpStatusCode.Redirect, "uploading the export");
        return upload.Headers.Location!.OriginalString;
    }

    /// <summary>Opens the preview and confirms it; a redirect means the import is done.</summary>
    public async Task<HttpResponseMessage> ConfirmImportAsync(string preview, bool withHistory = false)
    {
        var previewToken = await TokenAsync(preview);
        return await PostFormAsync(preview, previewToken, new() { ["SkipRejected"] = "true", ["ImportHistory"] = withHistory ? "true" : "false" });
    }

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Expect(response, HttpStatusCode.OK, "GET " + path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The SQL command count the app reports for one request (its Server-Timing header).</summary>
    public async Task<int> SqlCommandsAsync(string path, bool htmx = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (htmx) request.Headers.Add("HX-Request", "true");
        using var response = await _client.SendAsync(request);
        Expect(response, HttpStatusCode.OK, "GET " + path);
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(",", values) : "";
        var match = SqlCount().Match(timing);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The app did not report its SQL commands: is Diagnostics:SqlCommandCount on?");
    }

    private async Task EnsureSignedInAsync()
    {
        using var response = await _client.GetAsync("/about");
        Expect(response, HttpStatusCode.OK, "opening a page once signed in");
    }

    /// <summary>The antiforgery token of the form on <paramref name="path"/>.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await GetTextAsync(path);
        var match = AntiforgeryToken().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No form token on {path}");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return _client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
            throw new InvalidOperationException($"{what}: expected {(int)status}, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"sql;desc=""(\d+)""")]
    private static partial Regex SqlCount();
}
