using System.Globalization;

namespace Rapport.Formats.ICalendar;

/// <summary>Writes meetings as an iCalendar (RFC 5545) file: METHOD:PUBLISH, CRLF line ends, lines folded
/// at 75 octets of UTF-8, every text escaped so that no value can start a property of its own.</summary>
/// <remarks>
/// Start and end are local times of the event's zone with a TZID, and each zone used gets a VTIMEZONE
/// holding its real offset changes from a year before to a year after each event. An instant whose local
/// time happens twice (the hour repeated when clocks go back) is written in UTC instead, since apps disagree
/// on which of the two a local time means. Zone "UTC", or one unknown here, writes UTC times and no VTIMEZONE.
/// </remarks>
public static class CalendarWriter
{
    /// <summary>A whole VCALENDAR: the VTIMEZONEs, then one VEVENT per event, in the given order.</summary>
    /// <param name="stampUtc">Written as every event's DTSTAMP: when this file was made.</param>
    /// <param name="calendarName">Written as X-WR-CALNAME unless null or blank.</param>
    /// <exception cref="ArgumentException">An event has no UID, a UID used before, a negative sequence or
    /// duration, a local-kind time, or an instant outside years 2 to 9998. An unknown zone is not an error:
    /// that event is written in UTC (see <see cref="IsSupportedTimeZone"/>).</exception>
    public static string Write(IEnumerable<CalendarEvent> events, DateTime stampUtc, string? calendarName = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stamp = ICalendarText.Utc(AsUtc(stampUtc, nameof(stampUtc)));
        var zones = new Dictionary<string, CalendarZone>(StringComparer.Ordinal);
        var uids = new HashSet<string>(StringComparer.Ordinal);
        var timed = new List<(CalendarEvent Event, CalendarZone Zone, DateTime Start, DateTime End)>();
        foreach (var item in events)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(events));
            var (start, end) = Check(item, uids);
            if (item.AllDayDate is not null)
            {
                timed.Add((item, CalendarZone.Utc(), start, end));
                continue;
            }
            if (!zones.TryGetValue(item.TimeZoneId ?? "", out var zone))
            {
                // An unknown zone (tz data differ between machines) must not fail a whole feed: UTC keeps the
                // instants right. Keyed by the resolved id too, so "W. Europe Standard Time" and
                // "Europe/Berlin" share one VTIMEZONE.
                zone = CalendarZone.TryResolve(item.TimeZoneId) ?? CalendarZone.Utc();
                zone = zones.GetValueOrDefault(zone.Id) ?? zone;
                zones[item.TimeZoneId ?? ""] = zone;
                zones[zone.Id] = zone;
            }
            zone.Cover(start);
            zone.Cover(end);
            timed.Add((item, zone, start, end));
        }

        // Events first: only then is it known which zones a TZID refers to.
        var body = new ContentLines();
        foreach (var (item, zone, start, end) in timed) WriteEvent(body, item, zone, start, end, stamp);

        var lines = new ContentLines();
        lines.Add("BEGIN:VCALENDAR");
        lines.Add("PRODID:-//Rapport//Rapport//EN");
        lines.Add("VERSION:2.0");
        lines.Add("CALSCALE:GREGORIAN");
        lines.Add("METHOD:PUBLISH");
        if (!string.IsNullOrWhiteSpace(calendarName)) lines.Add("X-WR-CALNAME:" + ICalendarText.Escape(calendarName));
        foreach (var zone in timed.Select(t => t.Zone).Distinct().Where(z => z.IsReferenced)) zone.WriteTimeZone(lines);
        return lines.ToString() + body + "END:VCALENDAR\r\n";
    }

    /// <summary>Whether events in this zone are written with its local times: for checking a zone when it is
    /// chosen, rather than finding out from a calendar showing UTC.</summary>
    public static bool IsSupportedTimeZone(string? timeZoneId) => CalendarZone.TryResolve(timeZoneId) is not null;

    private static void WriteEvent(ContentLines lines, CalendarEvent item, CalendarZone zone, DateTime start, DateTime end, string stamp)
    {
        lines.Add("BEGIN:VEVENT");
        lines.Add("UID:" + ICalendarText.Escape(item.Uid));
        lines.Add("SEQUENCE:" + item.Sequence.ToString(CultureInfo.InvariantCulture));
        lines.Add("DTSTAMP:" + stamp);
        if (item.AllDayDate is DateOnly day)
        {
            lines.Add("DTSTART;VALUE=DATE:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            lines.Add("DTEND;VALUE=DATE:" + day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }
        else
        {
            lines.Add(zone.DateTimeProperty("DTSTART", start));
            lines.Add(zone.DateTimeProperty("DTEND", end));
        }
        lines.Add("SUMMARY:" + ICalendarText.Escape(item.Summary));
        if (!string.IsNullOrEmpty(item.Location)) lines.Add("LOCATION:" + ICalendarText.Escape(item.Location));
        if (!string.IsNullOrEmpty(item.Description)) lines.Add("DESCRIPTION:" + ICalendarText.Escape(item.Description));
        if (WebUrl(item.Url) is { } url) lines.Add("URL;VALUE=URI:" + url);
        lines.Add(item.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lines.Add(item.AllDayDate is null ? "TRANSP:OPAQUE" : "TRANSP:TRANSPARENT");
        if (item.AlarmAfterStart is TimeSpan after && after >= TimeSpan.Zero)
        {
            lines.Add("BEGIN:VALARM");
            lines.Add("ACTION:DISPLAY");
            lines.Add("DESCRIPTION:" + ICalendarText.Escape(item.Summary));
            lines.Add($"TRIGGER:PT{(int)after.TotalMinutes}M");
            lines.Add("END:VALARM");
        }
        lines.Add("END:VEVENT");
    }

    private static (DateTime Start, DateTime End) Check(CalendarEvent item, HashSet<string> uids)
    {
        if (string.IsNullOrWhiteSpace(item.Uid)) throw new ArgumentException("An event has no UID.", nameof(item));
        // Two VEVENTs with one UID (and no RECURRENCE-ID) are one event to a calendar app: one would be lost.
        if (!uids.Add(item.Uid)) throw new ArgumentException($"The UID \"{item.Uid}\" is used by two events.", nameof(item));
        if (item.Sequence < 0) throw new ArgumentException($"Event \"{item.Uid}\" has a negative SEQUENCE.", nameof(item));
        if (item.Duration < TimeSpan.Zero) throw new ArgumentException($"Event \"{item.Uid}\" has a negative duration.", nameof(item));
        var start = AsUtc(item.StartUtc, nameof(item));
        if (start.Year < 2 || item.Duration > new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc) - start)
        {
            throw new ArgumentException($"Event \"{item.Uid}\" is outside the years 2 to 9998.", nameof(item));
        }
        return (start, Truncate(start + item.Duration));
    }

    /// <summary>UTC to the whole second (iCalendar has no fractions); Unspecified counts as UTC.</summary>
    private static DateTime AsUtc(DateTime time, string name)
    {
        if (time.Kind == DateTimeKind.Local) throw new ArgumentException("Times must be UTC, not local.", name);
        return Truncate(DateTime.SpecifyKind(time, DateTimeKind.Utc));
    }

    private static DateTime Truncate(DateTime time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>The URL if it is absolute http or https, normalised by <see cref="Uri"/> (spaces and non-ASCII
    /// percent-encoded); otherwise null, so no "javascript:" or "file:" link reaches a calendar app.</summary>
    private static string? WebUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        var text = uri.AbsoluteUri;
        // A URI value is written unescaped, so it may hold only printable ASCII and no backslash.
        return text.All(c => c is > ' ' and < '\x7f' and not '\\' and not '"') ? text : null;
    }
}
