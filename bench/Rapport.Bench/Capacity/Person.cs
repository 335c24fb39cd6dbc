using System.Diagnostics;
using System.Net;
using Rapport.Bench.Endurance;

namespace Rapport.Bench.Capacity;

/// <summary>One simulated person, signed into their own account: they pause 2 to 5 s before each request (reading
/// the page, typing), then look at something (Today, the people list or a later page of it, a search, a contact,
/// a conversation, their follow-ups) or, one action in three, change something through the real form with its
/// antiforgery token: log a call with a note, log a message they sent, edit a contact, add a task, tick one off.
/// A write opens its form, pauses, posts, and follows the redirect, as a browser does.</summary>
public sealed class Person(int number, PersonBrowser browser, PersonAccount account, int seed)
{
    private readonly Random _random = new(seed);
    private int _made;
    private bool _walkingThrough;
    private PageTimes _times = new();

    public PersonAccount Account => account;

    public async Task RunAsync(DateTime until, Tally tally, PageTimes times)
    {
        _times = times;
        while (true)
        {
            await PauseAsync(until);
            if (DateTime.UtcNow >= until) return;
            try
            {
                if (_random.Next(3) == 0) await WriteAsync(_random.Next(5), tally, until);
                else await ReadAsync(_random.Next(12), tally);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                tally.Error($"person {number}: {(e is TaskCanceledException ? "no answer within " + CapacitySettings.RequestTimeout.TotalSeconds + " s" : e.Message)}");
            }
        }
    }

    /// <summary>Every kind of request once, without pauses, its answers counted in <paramref name="tally"/>: what a
    /// warm-up needs to have the app compile each page and query before a step measures them.</summary>
    public async Task WalkThroughAsync(Tally tally, PageTimes times)
    {
        _times = times;
        _walkingThrough = true;
        foreach (var read in new[] { 0, 2, 3, 4, 6, 9, 11 }) await ReadAsync(read, tally);
        for (var write = 0; write < 5; write++) await WriteAsync(write, tally, DateTime.MaxValue);
        _walkingThrough = false;
    }

    private Task PauseAsync(DateTime? until = null)
    {
        if (_walkingThrough) return Task.CompletedTask;
        var pause = CapacitySettings.ShortestPause
            + TimeSpan.FromMilliseconds(_random.NextDouble() * (CapacitySettings.LongestPause - CapacitySettings.ShortestPause).TotalMilliseconds);
        // The step's end cuts a pause short, so a step lasts its length and not a pause more.
        if (until - DateTime.UtcNow is { } left && left < pause) pause = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        return Task.Delay(pause);
    }

    private Task ReadAsync(int kind, Tally tally) => kind switch
    {
        0 or 1 => GetAsync("/", tally),
        2 => GetAsync("/people", tally),
        3 => GetAsync($"/people?p={2 + _random.Next(Math.Clamp(account.ContactCount / 50 - 1, 1, 4))}", tally),
        4 or 5 => GetAsync("/people?q=" + Uri.EscapeDataString(account.AnySearch(_random)), tally),
        6 or 7 or 8 => GetAsync($"/people/{account.AnyContact(_random)}", tally),
        9 or 10 => account.AnyConversation(_random) is int id ? GetAsync($"/conversations/{id}", tally) : GetAsync("/", tally),
        _ => GetAsync("/follow-ups", tally),
    };

    /// <summary>What a person would call the page at <paramref name="path"/>.</summary>
    private static string PageOf(string path) => path switch
    {
        "/" => "Today",
        "/people" => "People list",
        "/follow-ups" => "Follow-ups",
        _ when path.StartsWith("/people?p=", StringComparison.Ordinal) => "People list, a later page",
        _ when path.StartsWith("/people?q=", StringComparison.Ordinal) => "Search",
        _ when path.EndsWith("/edit", StringComparison.Ordinal) => "Contact's edit form",
        _ when path.StartsWith("/people/", StringComparison.Ordinal) => "Contact page",
        _ when path.StartsWith("/conversations/", StringComparison.Ordinal) => "Conversation page",
        _ when path.StartsWith("/outreach/compose", StringComparison.Ordinal) => "Message form",
        _ => path,
    };

    private Task WriteAsync(int kind, Tally tally, DateTime until) => kind switch
    {
        0 => LogCallAsync(tally, until),
        1 => LogMessageAsync(tally, until),
        2 => EditContactAsync(tally, until),
        3 => AddTaskAsync(tally, until),
        _ => TickOffTaskAsync(tally, until),
    };

    private async Task LogCallAsync(Tally tally, DateTime until)
    {
        var contact = account.AnyContact(_random);
        var form = await OpenFormAsync($"/people/{contact}", a => a.Contains("handler=Log", StringComparison.Ordinal), "logging a call", tally, until);
        if (form is null) return;
        form.Set("Log.Note", $"Talked with person {number} about their week ({_made++})");
        await SubmitAsync(form, "logging a call", tally);
    }

    private async Task LogMessageAsync(Tally tally, DateTime until)
    {
        var contact = account.AnyContact(_random);
        var form = await OpenFormAsync($"/outreach/compose?contactId={contact}", a => a.Contains("handler=Sent", StringComparison.Ordinal), "logging a message", tally, until);
        if (form is null) return;
        // The template's text as the app filled it in, sent as it is (the person wrote it in their mail app).
        if (string.IsNullOrWhiteSpace(form["Body"])) form.Set("Body", $"Thank you for your time, from person {number}.");
        // A template may leave fields in brackets; the form then asks first, and the person says it went out so.
        form.Set("SendAsItIs", "true");
        await SubmitAsync(form, "logging a message", tally);
    }

    private async Task EditContactAsync(Tally tally, DateTime until)
    {
        var contact = account.AnyContact(_random);
        var form = await OpenFormAsync($"/people/{contact}/edit", a => a.EndsWith("/edit", StringComparison.Ordinal), "editing a contact", tally, until);
        if (form is null) return;
        form.Set("Input.Title", "Title " + _random.Next(1_000));
        await SubmitAsync(form, "editing a contact", tally);
    }

    private async Task AddTaskAsync(Tally tally, DateTime until)
    {
        var form = await OpenFormAsync("/follow-ups", a => a.Contains("handler=Add", StringComparison.Ordinal), "adding a task", tally, until);
        if (form is null) return;
        form.Set("NewTitle", $"Read what person {number} was sent ({_made++})");
        await SubmitAsync(form, "adding a task", tally);
    }

    private async Task TickOffTaskAsync(Tally tally, DateTime until)
    {
        var html = await GetAsync("/follow-ups", tally);
        if (html is null) return;
        var done = HtmlForm.PostFormsOf(html, "/follow-ups").Where(f => f.Action.EndsWith("handler=Done", StringComparison.Ordinal)).ToList();
        // Nothing left to do: the person adds a task instead (their list page is already open).
        var form = done.Count > 0 ? done[_random.Next(done.Count)] : HtmlForm.Find(html, "/follow-ups", a => a.Contains("handler=Add", StringComparison.Ordinal));
        if (form is null)
        {
            tally.Error($"person {number}: no task form on /follow-ups");
            return;
        }
        if (done.Count == 0) form.Set("NewTitle", $"Read what person {number} was sent ({_made++})");
        await PauseAsync(until);
        if (DateTime.UtcNow >= until) return;
        await SubmitAsync(form, done.Count > 0 ? "ticking off a task" : "adding a task", tally);
    }

    /// <summary>Opens the page, finds the form, and pauses as the person fills it in; null when the page failed, or
    /// when the step ended meanwhile (the person leaves without saving, so a step has no rush of saves at its end).</summary>
    private async Task<HtmlForm?> OpenFormAsync(string page, Func<string, bool> action, string what, Tally tally, DateTime until)
    {
        var html = await GetAsync(page, tally);
        if (html is null) return null;
        var form = HtmlForm.Find(html, page, action);
        if (form is null)
        {
            tally.Error($"person {number}, {what}: no such form on {page}");
            return null;
        }
        await PauseAsync(until);
        return DateTime.UtcNow < until ? form : null;
    }

    /// <summary>Posts the form; a save answers with a redirect, which the browser follows.</summary>
    private async Task SubmitAsync(HtmlForm form, string what, Tally tally)
    {
        var clock = Stopwatch.StartNew();
        using var response = await browser.SendAsync(HttpMethod.Post, form.Action, form.Content());
        await response.Content.ReadAsStringAsync();
        _times.Add("Save: " + what, clock.Elapsed.TotalMilliseconds);
        if (!tally.Count($"person {number}, {what}: POST {form.Action}", response, clock.Elapsed.TotalMilliseconds, write: true, HttpStatusCode.Redirect, HttpStatusCode.SeeOther))
            return;
        if (response.Headers.Location?.OriginalString is { } next && next.StartsWith('/')) await GetAsync(next, tally);
    }

    private async Task<string?> GetAsync(string path, Tally tally)
    {
        var clock = Stopwatch.StartNew();
        using var response = await browser.SendAsync(HttpMethod.Get, path);
        var body = await response.Content.ReadAsStringAsync();
        _times.Add(PageOf(path), clock.Elapsed.TotalMilliseconds);
        return tally.Count($"person {number}: GET {path}", response, clock.Elapsed.TotalMilliseconds, write: false, HttpStatusCode.OK) ? body : null;
    }
}
