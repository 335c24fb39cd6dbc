using System.Net;

namespace Rapport.Bench.Capacity;

/// <summary>One person's browser: their own cookies (their sign-in, the form tokens) over a connection pool
/// that every simulated person shares. A pool per person would keep a socket open per person between clicks:
/// at 2,000 people, 2,000 connections in the bench and 2,000 more in the app, against the open-file limit of
/// both processes. Shared, the pool holds about as many connections as there are requests in flight.</summary>
public sealed class PersonBrowser(HttpClient shared)
{
    public const string Password = Hosting.RapportSession.Password;

    private readonly CookieContainer _cookies = new();

    /// <summary>Sends one request with this person's cookies and keeps the cookies the answer sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var address = new Uri(shared.BaseAddress!, path);
        using var request = new HttpRequestMessage(method, address) { Content = content };
        var cookies = _cookies.GetCookieHeader(address);
        if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
        var response = await shared.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values) _cookies.SetCookies(address, value);
        return response;
    }

    /// <summary>Makes the person's account through the app's own sign-up form, which also signs them in.</summary>
    public async Task RegisterAsync(string name, string email)
    {
        const string page = "/account/register";
        using var get = await SendAsync(HttpMethod.Get, page);
        var html = await get.Content.ReadAsStringAsync();
        var form = get.StatusCode == HttpStatusCode.OK ? HtmlForm.PostFormsOf(html, page).FirstOrDefault(f => f["Input.Email"] is not null) : null;
        if (form is null) throw new InvalidOperationException($"GET {page}: {(int)get.StatusCode}, no sign-up form (is registration open?)");
        form.Set("Input.DisplayName", name).Set("Input.Email", email).Set("Input.Password", Password)
            .Set("Input.ConfirmPassword", Password).Set("Input.TimeZoneId", "UTC");
        using var post = await SendAsync(HttpMethod.Post, form.Action, form.Content());
        if (post.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"signing up {email}: expected a redirect, got {(int)post.StatusCode}");
    }
}
