using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>Uses the app the way a browser without JavaScript does: GET a page, fill its form
/// (hidden antiforgery field included), POST it, follow the redirect. Keeps its own cookies, so a
/// test can copy them into a second client (a stolen cookie, a second tab).</summary>
public sealed class AppClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public HttpClient Http { get; } = http;

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public void CopyCookiesTo(AppClient other)
    {
        foreach (var (name, value) in _cookies) other._cookies[name] = value;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await Http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=');
                var name = pair[..eq].Trim();
                var value = pair[(eq + 1)..].Trim();
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired || value.Length == 0) _cookies.Remove(name);
                else
                {
                    _cookies[name] = value;
                    AppLogFiles.NoteSecret(value);
                }
            }
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url, Dictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        return SendAsync(request);
    }

    public async Task<HtmlPage> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await GetAsync(url);
        var page = await HtmlPage.ReadAsync(response, url);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}, expected {(int)expected}. Location: {response.Headers.Location}");
        return page;
    }

    /// <summary>Posts the form found by <paramref name="formSelector"/> with its current values,
    /// overridden by <paramref name="fields"/>. Redirects are not followed.</summary>
    /// <param name="submitter">A button with its own <c>formaction</c>, as when the person presses it.</param>
    public async Task<HttpResponseMessage> SubmitAsync(HtmlPage page, string formSelector, Dictionary<string, string> fields, Dictionary<string, string>? headers = null,
        string? submitter = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var values = FormValues(form);
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var action = submitter is null ? form.GetAttribute("action")
            : form.QuerySelector(submitter)?.GetAttribute("formaction") ?? throw new InvalidOperationException($"No button '{submitter}' in '{formSelector}'");
        var target = string.IsNullOrEmpty(action) ? page.Url : action;
        return await PostAsync(target, values, headers);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values, Dictionary<string, string>? headers = null)
    {
        values = values.ToList();
        foreach (var (name, value) in values)
            if (name.Contains("password", StringComparison.OrdinalIgnoreCase) || name == "__RequestVerificationToken") AppLogFiles.NoteSecret(value);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        return await SendAsync(request);
    }

    /// <summary>Follows one redirect with a GET and parses the page it leads to.</summary>
    public async Task<HtmlPage> FollowAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found))
            throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}:\n{await response.Content.ReadAsStringAsync()}");
        return await GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    if (input.Type is "submit" or "button" or "file") break;
                    values.Add(new(input.Name!, input.Type is "checkbox" && !input.HasAttribute("value") ? "on" : input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.SelectedOptions.FirstOrDefault() ?? select.Options.FirstOrDefault();
                    if (chosen is not null) values.Add(new(select.Name!, chosen.Value));
                    break;
            }
        }
        return values;
    }

    internal static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}

public sealed record HtmlPage(IHtmlDocument Document, HttpResponseMessage Response, string Url, string Html)
{
    private static readonly System.Text.RegularExpressions.Regex FeedAddress = new(@"/calendar/([A-Za-z0-9_-]{16,})\.ics");

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response, string url)
    {
        var html = await response.Content.ReadAsStringAsync();
        // A calendar feed address shown once: its token must never reach a log.
        foreach (System.Text.RegularExpressions.Match feed in FeedAddress.Matches(html)) AppLogFiles.NoteSecret(feed.Groups[1].Value);
        return new HtmlPage(AppClient.Parse(html), response, url, html);
    }

    /// <summary>The validation message shown beside the field named <paramref name="field"/>.</summary>
    public string? ErrorFor(string field) =>
        Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public string Text => Document.Body?.TextContent ?? "";

    public string? Status => Document.QuerySelector("[role=status]")?.TextContent.Trim();
}
