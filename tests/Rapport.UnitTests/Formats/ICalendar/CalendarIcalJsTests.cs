using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Rapport.UnitTests.Formats.ICalendar;

using Rapport.Formats.ICalendar;
using static IcsText;

/// <summary>Has an independent parser, ical.js (installed by npm at the repository root), read what the
/// writer produced, with the VTIMEZONEs it wrote. Needs node on PATH; without it the test fails rather
/// than passing unchecked.</summary>
public class CalendarIcalJsTests
{
    // Reads the calendar from stdin and prints, per VEVENT, what ical.js understood, with instants as Unix seconds.
    private const string ParseScript = """
        const { pathToFileURL } = require('node:url');
        (async () => {
          const ICAL = (await import(pathToFileURL(process.env.ICALJS_PATH).href)).default;
          const chunks = [];
          for await (const chunk of process.stdin) chunks.push(chunk);
          const calendar = new ICAL.Component(ICAL.parse(Buffer.concat(chunks).toString('utf8')));
          for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
          const events = calendar.getAllSubcomponents('vevent').map(vevent => {
            const event = new ICAL.Event(vevent);
            return {
              properties: vevent.getAllProperties().map(p => p.name),
              uid: event.uid,
              sequence: event.sequence,
              summary: event.summary,
              location: event.location,
              description: event.description,
              url: vevent.getFirstPropertyValue('url'),
              status: vevent.getFirstPropertyValue('status'),
              start: event.startDate.toUnixTime(),
              end: event.endDate.toUnixTime(),
              startZone: event.startDate.zone.tzid,
              endZone: event.endDate.zone.tzid,
            };
          });
          process.stdout.write(JSON.stringify({ components: calendar.getAllSubcomponents().length, events }));
        })().catch(e => { console.error(e && e.stack || String(e)); process.exit(2); });
        """;

    [Fact]
    public void Ical_js_reads_the_written_events_as_they_were_written()
    {
        var events = Events();

        using var parsed = ParseWithIcalJs(CalendarWriter.Write(events, Stamp, "Rapport"));

        var read = parsed.RootElement.GetProperty("events").EnumerateArray().ToList();
        var zones = events.Select(e => e.TimeZoneId).Where(z => z != "UTC").Distinct().Count();
        Assert.Equal(events.Count + zones, parsed.RootElement.GetProperty("components").GetInt32());
        // Records, so that a failure names the event.
        Assert.Equal(events.Select(Expected), read.Select(Actual));
        Assert.All(read, json => Assert.Subset(EventProperties, json.GetProperty("properties").EnumerateArray().Select(p => p.GetString()!).ToHashSet()));
        // The instants must come from the written VTIMEZONE, not from a zone ical.js guessed.
        Assert.Equal(
            events.Select(e => (e.Uid, e.TimeZoneId)),
            read.Select(json => (json.GetProperty("uid").GetString()!, Zone(json, "startZone", "endZone"))));
    }

    private static readonly HashSet<string> EventProperties =
        ["uid", "sequence", "dtstamp", "dtstart", "dtend", "summary", "location", "description", "url", "status", "transp"];

    private static Read Expected(CalendarEvent e) => new(
        e.Uid, e.Sequence, Normalise(e.Summary), Normalise(e.Location), Normalise(e.Description), e.Url,
        e.Cancelled ? "CANCELLED" : "CONFIRMED", UnixSeconds(e.StartUtc), UnixSeconds(e.StartUtc + e.Duration));

    private static Read Actual(JsonElement json) => new(
        Text(json, "uid"), json.GetProperty("sequence").GetInt32(), Text(json, "summary"), Text(json, "location"),
        Text(json, "description"), Text(json, "url"), Text(json, "status"), json.GetProperty("start").GetInt64(), json.GetProperty("end").GetInt64());

    /// <summary>The zone of start and end; a time written in UTC (the repeated hour) counts as any zone's.</summary>
    private static string Zone(JsonElement json, params string[] names)
    {
        var zones = names.Select(n => json.GetProperty(n).GetString()).Where(z => z != "UTC").Distinct().ToList();
        return zones.Count == 0 ? "UTC" : Assert.Single(zones)!;
    }

    private static List<CalendarEvent> Events()
    {
        var questions = string.Join("\r\n", Enumerable.Range(1, 30).Select(i => $"{i}. Which of your projects, in {i} words; why?"));
        var unicode = string.Concat(Enumerable.Repeat("雪😀é👩🏽‍💻語", 25));
        return
        [
            Event("ny-spring", "America/New_York", new(2026, 3, 8, 6, 30, 0), 1, "Lunch\r\nATTENDEE:mailto:attacker@evil.example"),
            Event("ny-fall", "America/New_York", new(2026, 11, 1, 4, 30, 0), 3.5, "Lunch\nBEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Call now\nEND:VALARM"),
            Event("ny-repeated-first", "America/New_York", new(2026, 11, 1, 5, 30, 0), 1.5, "x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR"),
            Event("ny-repeated-second", "America/New_York", new(2026, 11, 1, 6, 30, 0), 1, "Lunch\rORGANIZER:mailto:ceo@evil.example"),
            Event("berlin-fall", "Europe/Berlin", new(2026, 10, 24, 22, 30, 0), 4, @"Smith, John; Jr. \ backslash") with
            {
                Location = "Lunch\r\nATTENDEE:mailto:attacker@evil.example",
                Description = "x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR",
            },
            Event("sydney", "Australia/Sydney", new(2026, 4, 4, 14, 0, 0), 3, unicode) with { Location = unicode, Description = questions },
            Event("chatham", "Pacific/Chatham", new(2026, 4, 4, 11, 15, 0), 4, "Chatham") with { Cancelled = true, Sequence = 7 },
            Event("chatham-spring", "Pacific/Chatham", new(2026, 9, 26, 13, 30, 0), 1, "Chatham spring"),
            Event("kathmandu", "Asia/Kathmandu", new(2026, 6, 10, 3, 30, 0), 1, "Tab\there, C:\\new\\n, \"quoted\"") with
            {
                Location = "Lunch\rORGANIZER:mailto:ceo@evil.example",
                Description = "Lunch\nBEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Call now\nEND:VALARM",
            },
            Event("kolkata", "Asia/Kolkata", new(2026, 12, 31, 20, 0, 0), 2, "New year"),
            Event("utc", "UTC", new(2026, 3, 29, 0, 30, 0), 1, "UTC") with { Url = null },
            Event("dublin", "Europe/Dublin", new(2026, 10, 24, 23, 30, 0), 2, "Dublin"),
            Event("berlin-later", "Europe/Berlin", new(2031, 3, 30, 0, 30, 0), 2, "Spring forward 2031"),
        ];
    }

    private static CalendarEvent Event(string uid, string zone, DateTime startUtc, double hours, string summary) => new(
        uid + "@rapport", 1, DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), TimeSpan.FromHours(hours), zone, summary,
        "Café Zentral, Wien", "Questions:\n1. Career?\n2. Advice?", "https://meet.example/" + uid + "?a=1,2");

    private static JsonDocument ParseWithIcalJs(string ics)
    {
        var icalJs = Path.Combine(RepositoryRoot(), "node_modules", "ical.js", "dist", "ical.js");
        Assert.True(File.Exists(icalJs), $"ical.js is missing at {icalJs}; run 'npm ci' in the repository root.");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(ParseScript);
        start.Environment["ICALJS_PATH"] = icalJs;
        // Floating times would be read in node's zone; UTC keeps such a mistake from matching by luck.
        start.Environment["TZ"] = "UTC";

        Process node;
        try
        {
            node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"This test needs Node.js: 'node' was not found on PATH ({e.Message}). Install it (Debian: apt-get install nodejs).");
            throw;
        }
        using (node)
        {
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            node.StandardInput.Write(ics);
            node.StandardInput.Close();
            Assert.True(node.WaitForExit(TimeSpan.FromSeconds(60)), "node did not finish within 60 seconds.");
            Assert.True(node.ExitCode == 0, $"ical.js could not parse the output (exit {node.ExitCode}): {errors.Result}");
            return JsonDocument.Parse(output.Result);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return dir.FullName;
        }
        Assert.Fail($"No Rapport.slnx above {AppContext.BaseDirectory}; cannot find node_modules.");
        return "";
    }

    private sealed record Read(
        string? Uid, int Sequence, string? Summary, string? Location, string? Description, string? Url, string? Status, long Start, long End);

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long UnixSeconds(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalSeconds;

    // iCalendar has one line break escape, so CRLF and CR come back as LF; other control characters but tab are dropped.
    private static string? Normalise(string? text) =>
        text is null ? null
            : new string(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
                .Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());
}
