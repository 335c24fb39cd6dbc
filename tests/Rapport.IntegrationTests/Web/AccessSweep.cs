using System.Net;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>Which ids a request of the sweep carries: for each slot, one person's id, another's, or
/// an id that does not exist; a list slot can carry one's own id beside the other.</summary>
public sealed record IdChoice(IReadOnlyDictionary<Slot, IReadOnlyList<string>> Values, string Description);

/// <summary>Sends the catalogue's requests as a signed-in person, the way a browser or htmx would.</summary>
public sealed class AccessSweep(SignedInUser user, string token)
{
    public static async Task<AccessSweep> ForAsync(SignedInUser user)
    {
        var page = await user.Client.GetPageAsync("/people/new");
        var token = page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new AccessSweep(user, token);
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
        (isPost ? form : query).AddRange(access.Fields);
        if (access.Handler is not null) query.Add(new("handler", access.Handler));
        if (query.Count > 0) path += "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

        var request = new HttpRequestMessage(isPost ? HttpMethod.Post : HttpMethod.Get, path);
        if (isPost)
        {
            if (!htmx) form.Add(new("__RequestVerificationToken", token));
            request.Content = new FormUrlEncodedContent(form);
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

    public static string Show(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther ? " to " + response.Headers.Location : "")}";
}
