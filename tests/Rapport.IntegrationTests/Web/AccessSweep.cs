using System.Net;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>Which ids a request of the sweep carries: for each slot, one person's id, another's, or
/// an id that does not exist; a list slot can carry one's own id beside the other.</summary>
public sealed record IdChoice(IReadOnlyDictionary<Slot, IReadOnlyList<string>> Values, string Description);

/// <summary>Sends the catalogue's requests as a signed-in person, the way a browser or htmx would.</summary>
public sealed class AccessSweep(RapportApp app, SignedInUser user, string token)
{
    public static async Task<AccessSweep> ForAsync(RapportApp app, SignedInUser user)
    {
        var page = await user.Client.GetPageAsync("/people/new");
        var token = page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new AccessSweep(app, user, token);
    }

    /// <summary>An account to send a write from, as <see cref="Access.Sender"/> asks, with its ids: a new one
    /// each time, since a write may delete what the next request needs.</summary>
    public static async Task<(AccessSweep Sweep, OwnedIds Ids)> ForWriteAsync(RapportApp app, Access access)
    {
        var sender = access.Sender == Sender.InstallOwner ? await app.SignInOwnerAsync() : await app.SignUpAsync("Own ids");
        var ids = access.Sender == Sender.Seeded ? await app.AddEveryKindAsync(sender) : OwnedIds.Missing;
        return (await ForAsync(app, sender), ids);
    }

    public SignedInUser User => user;

    /// <summary>Every way to fill the slots where <paramref name="foreign"/> ids stand in some of them
    /// and the rest are <paramref name="own"/>: all foreign, and (with two slots or more) each mix. A
    /// list slot that holds a foreign id holds it alone, and beside an own id.</summary>
    public static IEnumerable<(IdChoice Choice, bool Expect404, IReadOnlyList<Slot> ForeignSlots)> Choices(Access access, OwnedIds own, OwnedIds foreign)
    {
        var slots = access.AllSlots;
        for (var mask = 1; mask < 1 << slots.Count; mask++)
        {
            var chosen = slots.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            foreach (var listWithOwn in chosen.Any(s => s.List) ? new[] { false, true } : [false])
            {
                var values = slots.ToDictionary(s => s, s => (IReadOnlyList<string>)(chosen.Contains(s)
                    ? s.List && listWithOwn ? [.. own.All(s.Kind), .. foreign.All(s.Kind)] : foreign.All(s.Kind)
                    : own.All(s.Kind)));
                var description = string.Join(", ", slots.Select(s => $"{s.Name}={(chosen.Contains(s) ? (s.List && listWithOwn ? "own+other" : "other") : "own")}"));
                yield return (new IdChoice(values, description), chosen.Any(s => s.Answer == Answer.NotFound), chosen);
            }
        }
    }

    public async Task<HttpResponseMessage> SendAsync(Access access, IdChoice choice, bool htmx)
    {
        var path = access.Path;
        var query = new List<KeyValuePair<string, string>>();
        var form = new List<KeyValuePair<string, string>>();
        var isPost = access.Verb == "POST";
        foreach (var (slot, values) in choice.Values)
        {
            foreach (var value in values.Select(v => string.Format(System.Globalization.CultureInfo.InvariantCulture, slot.Format, v)))
            {
                switch (slot.Place)
                {
                    case Place.Route:
                        path = path.Replace("{" + slot.Kind + "}", value, StringComparison.Ordinal);
                        break;
                    case Place.Query:
                        query.Add(new(slot.Name, value));
                        break;
                    case Place.Form:
                        (isPost ? form : query).Add(new(slot.Name, value));
                        break;
                    case Place.FormKey:
                        (isPost ? form : query).Add(new(string.Format(System.Globalization.CultureInfo.InvariantCulture, slot.Name, value), "planted"));
                        break;
                }
            }
        }
        (isPost ? form : query).AddRange(access.Fields.Select(f => new KeyValuePair<string, string>(f.Key, Filled(f.Value))));
        if (access.OpenedFrom is not null) form.AddRange(await OpenedAsync(access, choice));
        if (access.Handler is not null) query.Add(new("handler", access.Handler));
        if (query.Count > 0) path += "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

        var request = new HttpRequestMessage(isPost ? HttpMethod.Post : HttpMethod.Get, path);
        if (isPost)
        {
            if (!htmx) form.Add(new("__RequestVerificationToken", token));
            request.Content = access.Uploads.Count == 0 ? new FormUrlEncodedContent(form) : await MultipartAsync(access, form);
        }
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            if (isPost) request.Headers.Add("RequestVerificationToken", token);
        }
        var response = await user.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A field value with the sender's own email and password (or a new address) put in.</summary>
    private string Filled(string value) => value
        .Replace("{Email}", user.Email, StringComparison.Ordinal)
        .Replace("{Password}", user.Password, StringComparison.Ordinal)
        .Replace("{NewEmail}", $"new-{Guid.NewGuid():N}@example.com", StringComparison.Ordinal);

    /// <summary>The version the edit form stands at now, read from its page as a browser has it (its fields, or the
    /// data-version and data-opened of a board card, which board.js sends); nothing when the page does not open
    /// (another person's id).</summary>
    private async Task<IEnumerable<KeyValuePair<string, string>>> OpenedAsync(Access access, IdChoice choice)
    {
        string WithIds(string text) => choice.Values.Aggregate(text, (t, slot) => t.Replace("{" + slot.Key.Kind + "}", slot.Value[0], StringComparison.Ordinal));
        var response = await user.Client.GetAsync(WithIds(access.OpenedFrom!));
        if (response.StatusCode != HttpStatusCode.OK) return [];
        var form = AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(WithIds(access.OpenedForm));
        return new[] { ("Opened.Version", "data-version"), ("Opened.Fields", "data-opened") }
            .Select(f => (name: f.Item1, value: form?.QuerySelector($"input[name='{f.Item1}']")?.GetAttribute("value") ?? form?.GetAttribute(f.Item2)))
            .Where(f => f.value is not null)
            .Select(f => new KeyValuePair<string, string>(f.name, f.value!))
            .ToList();
    }

    private async Task<MultipartFormDataContent> MultipartAsync(Access access, List<KeyValuePair<string, string>> form)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in form) body.Add(new StringContent(value), name);
        foreach (var upload in access.Uploads)
        {
            var file = new ByteArrayContent(await SampleFiles.ContentAsync(app, upload.File));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, upload.Field, upload.FileName);
        }
        return body;
    }

    public static string Show(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther ? " to " + response.Headers.Location : "")}";
}
