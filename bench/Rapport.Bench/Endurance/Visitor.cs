using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Rapport.Bench.Hosting;

namespace Rapport.Bench.Endurance;

/// <summary>One person clicking through the app as fast as it answers: two requests in three read (Today,
/// the people list, a contact's page, a search), one writes (adds or edits a contact, logs a call, adds a
/// task and ticks it off), each through the real form with its antiforgery token. It only edits what it
/// made itself, so two visitors of one account never race for the same row.</summary>
public sealed partial class Visitor(int number, RapportSession session, IReadOnlyList<int> seeded, Tally tally, int seed)
{
    private static readonly string[] Searches = ["an", "Chen", "engineer", "Northwind", "son", "Mar", "data", "zz-none"];
    private readonly Random _random = new(seed);
    private readonly List<int> _mine = [];
    private int _made;

    public async Task RunAsync(DateTime until)
    {
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (_random.Next(3) == 0) await WriteAsync();
                else await ReadAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                tally.Error($"visitor {number}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private Task ReadAsync() => _random.Next(4) switch
    {
        0 => GetAsync("/"),
        1 => GetAsync("/people"),
        2 => GetAsync("/people/" + AnyContact()),
        _ => GetAsync("/people?q=" + Uri.EscapeDataString(Searches[_random.Next(Searches.Length)])),
    };

    private Task WriteAsync() => (_mine.Count < 2 ? 0 : _random.Next(4)) switch
    {
        0 => CreateAsync(),
        1 => EditAsync(),
        2 => LogCallAsync(),
        _ => AddAndFinishTaskAsync(),
    };

    private int AnyContact() => _mine.Count > 0 && (seeded.Count == 0 || _random.Next(2) == 0)
        ? _mine[_random.Next(_mine.Count)]
        : seeded[_random.Next(seeded.Count)];

    private async Task CreateAsync()
    {
        var n = _made++;
        var token = await session.TokenAsync("/people/new");
        var response = await PostAsync("/people/new", token, new()
        {
            ["Input.FirstName"] = $"load-{number}-{n}",
            ["Input.LastName"] = "Visitor",
            ["Input.Title"] = "Engineer",
            ["Input.Emails[0].Value"] = $"load-{number}-{n}@example.test",
            ["Input.Notes"] = $"Made by visitor {number}, number {n}.",
        }, "adding a contact");
        if (response is { } location && ContactAddress().Match(location) is { Success: true } m)
            _mine.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private async Task EditAsync()
    {
        var id = _mine[_random.Next(_mine.Count)];
        var html = await GetAsync($"/people/{id}/edit");
        if (html is null) return;
        // Whatever the form carries hidden (its token, a version stamp) goes back as it came.
        var fields = HiddenFields(html);
        fields["Input.FirstName"] = FieldValue(html, "Input.FirstName") ?? $"load-{number}";
        fields["Input.LastName"] = "Visitor";
        fields["Input.Title"] = "Title " + _random.Next(1000);
        fields["Input.Emails[0].Value"] = FieldValue(html, "Input.Emails[0].Value") ?? "";
        fields["Input.Notes"] = $"Edited by visitor {number} at {DateTime.UtcNow:O}.";
        await PostAsync($"/people/{id}/edit", null, fields, "editing a contact");
    }

    private async Task LogCallAsync()
    {
        var id = _mine[_random.Next(_mine.Count)];
        var token = await session.TokenAsync($"/people/{id}");
        // Yesterday everywhere on Earth is never in the future for the account's time zone.
        var on = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PostAsync($"/people/{id}?handler=Log", token, new() { ["Log.Kind"] = "1", ["Log.On"] = on, ["Log.Note"] = "Talked about the load" }, "logging a call");
    }

    private async Task AddAndFinishTaskAsync()
    {
        var title = $"load-{number}-task-{_made++}";
        var token = await session.TokenAsync("/follow-ups");
        if (await PostAsync("/follow-ups?handler=Add", token, new() { ["NewTitle"] = title }, "adding a task") is null) return;
        var list = await GetAsync("/follow-ups");
        if (list is null) return;
        var task = new Regex($@"id=""task-(\d+)"">\s*<div class=""task-main"">\s*<strong>{Regex.Escape(title)}</strong>").Match(list);
        if (!task.Success)
        {
            tally.Error($"visitor {number}: the task {title} is not on the list");
            return;
        }
        await PostAsync($"/follow-ups?id={task.Groups[1].Value}&handler=Done", token, new() { ["returnUrl"] = "/follow-ups" }, "finishing a task");
    }

    private async Task<string?> GetAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await session.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Contains("database is locked", StringComparison.OrdinalIgnoreCase)) tally.Error($"GET {path}: the page says \"database is locked\"");
        return tally.Count("GET " + path, response, clock.Elapsed.TotalMilliseconds, write: false, HttpStatusCode.OK) ? body : null;
    }

    /// <summary>Posts the form; the answer is where it redirects, or null when it did not.</summary>
    private async Task<string?> PostAsync(string path, string? token, Dictionary<string, string> fields, string what)
    {
        var clock = Stopwatch.StartNew();
        if (token is not null) fields["__RequestVerificationToken"] = token;
        using var response = await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
        if ((await response.Content.ReadAsStringAsync()).Contains("database is locked", StringComparison.OrdinalIgnoreCase))
            tally.Error($"{what}: the answer says \"database is locked\"");
        var ok = tally.Count(what, response, clock.Elapsed.TotalMilliseconds, write: true, HttpStatusCode.Redirect);
        return ok ? response.Headers.Location?.OriginalString ?? "" : null;
    }

    /// <summary>The hidden inputs of a page, by name (the first of each name).</summary>
    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (!tag.Contains("type=\"hidden\"", StringComparison.Ordinal)) continue;
            var name = Attribute("name", tag);
            if (name is not null) fields.TryAdd(name, Attribute("value", tag) ?? "");
        }
        return fields;
    }

    private static string? Attribute(string attribute, string tag)
    {
        var match = new Regex($@"\s{attribute}=""([^""]*)""").Match(tag);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string? FieldValue(string html, string name) => InputTag().Matches(html)
        .Select(m => m.Value).Where(tag => Attribute("name", tag) == name).Select(tag => Attribute("value", tag)).FirstOrDefault();

    [GeneratedRegex(@"<input\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex(@"^/people/(\d+)$")]
    private static partial Regex ContactAddress();
}
