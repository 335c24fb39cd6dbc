namespace Rapport.UnitTests.Formats.ICalendar;

using Rapport.Formats.ICalendar;
using static IcsText;

public class CalendarWriterTests
{
    private static readonly string[] EventProperties =
        ["UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL", "STATUS", "TRANSP"];

    private static readonly DateTime March15 = new(2026, 3, 15, 9, 0, 0, DateTimeKind.Utc);

    private static CalendarEvent Coffee(string zone) => new(
        "3f2c9a@rapport", 2, March15, TimeSpan.FromMinutes(45), zone, "Coffee with Ana", "Café Central, Vienna",
        "Questions:\n1. Career?\n2. Advice?", "https://meet.example/abc?x=1,2");

    [Fact]
    public void A_utc_event_is_written_exactly()
    {
        var ics = CalendarWriter.Write([Coffee("UTC")], Stamp, "Rapport meetings");

        Assert.Equal(Crlf("""
            BEGIN:VCALENDAR
            PRODID:-//Rapport//Rapport//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            X-WR-CALNAME:Rapport meetings
            BEGIN:VEVENT
            UID:3f2c9a@rapport
            SEQUENCE:2
            DTSTAMP:20260301T120000Z
            DTSTART:20260315T090000Z
            DTEND:20260315T094500Z
            SUMMARY:Coffee with Ana
            LOCATION:Café Central\, Vienna
            DESCRIPTION:Questions:\n1. Career?\n2. Advice?
            URL;VALUE=URI:https://meet.example/abc?x=1,2
            STATUS:CONFIRMED
            TRANSP:OPAQUE
            END:VEVENT
            END:VCALENDAR
            """), ics);
    }

    [Fact]
    public void A_berlin_event_is_written_exactly_with_the_zone_changes_of_the_years_around_it()
    {
        var ics = CalendarWriter.Write([Coffee("Europe/Berlin")], Stamp);

        // 10:00 CET; the VTIMEZONE starts with the offset on 1 January 2025 (UTC), then each change to 2027.
        Assert.Equal(Crlf("""
            BEGIN:VCALENDAR
            PRODID:-//Rapport//Rapport//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            BEGIN:VTIMEZONE
            TZID:Europe/Berlin
            BEGIN:STANDARD
            DTSTART:20250101T010000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0100
            TZNAME:CET
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:20250330T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            TZNAME:CEST
            END:DAYLIGHT
            BEGIN:STANDARD
            DTSTART:20251026T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            TZNAME:CET
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:20260329T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            TZNAME:CEST
            END:DAYLIGHT
            BEGIN:STANDARD
            DTSTART:20261025T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            TZNAME:CET
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:20270328T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            TZNAME:CEST
            END:DAYLIGHT
            BEGIN:STANDARD
            DTSTART:20271031T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            TZNAME:CET
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:3f2c9a@rapport
            SEQUENCE:2
            DTSTAMP:20260301T120000Z
            DTSTART;TZID=Europe/Berlin:20260315T100000
            DTEND;TZID=Europe/Berlin:20260315T104500
            SUMMARY:Coffee with Ana
            LOCATION:Café Central\, Vienna
            DESCRIPTION:Questions:\n1. Career?\n2. Advice?
            URL;VALUE=URI:https://meet.example/abc?x=1,2
            STATUS:CONFIRMED
            TRANSP:OPAQUE
            END:VEVENT
            END:VCALENDAR
            """), ics);
    }

    [Fact]
    public void A_cancelled_event_says_so_and_the_method_stays_publish()
    {
        var lines = Unfold(CalendarWriter.Write([Coffee("UTC") with { Cancelled = true, Sequence = 3 }], Stamp));

        Assert.Equal("CANCELLED", Value(lines, "STATUS"));
        Assert.Equal("PUBLISH", Value(lines, "METHOD"));
        Assert.Equal("3", Value(lines, "SEQUENCE"));
    }

    [Fact]
    public void Missing_location_description_and_url_are_left_out_and_a_blank_name_gives_no_calendar_name()
    {
        var ics = CalendarWriter.Write([Coffee("UTC") with { Location = null, Description = "", Url = null }], Stamp, "  ");

        Assert.DoesNotContain("LOCATION", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DESCRIPTION", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("URL", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("X-WR-CALNAME", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_name_is_escaped_text()
    {
        var lines = Unfold(CalendarWriter.Write([], Stamp, "Ana; Bob, and\nme"));

        Assert.Equal(@"Ana\; Bob\, and\nme", Value(lines, "X-WR-CALNAME"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example/a")]
    [InlineData("mailto:ana@example.com")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/meetings/1")]
    [InlineData("meet.example/abc")]
    [InlineData("not a url")]
    [InlineData("")]
    public void A_url_that_is_not_absolute_http_or_https_is_left_out(string url)
    {
        var ics = CalendarWriter.Write([Coffee("UTC") with { Url = url }], Stamp);

        Assert.DoesNotContain("URL", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://meet.example/room", "http://meet.example/room")]
    [InlineData("HTTPS://Meet.Example/Room?a=1&b=2", "https://meet.example/Room?a=1&b=2")]
    [InlineData("https://meet.example/a b", "https://meet.example/a%20b")]
    [InlineData("https://meet.example/zoë", "https://meet.example/zo%C3%AB")]
    public void A_web_url_is_written_as_a_uri_normalised_to_printable_ascii(string url, string expected)
    {
        var lines = Unfold(CalendarWriter.Write([Coffee("UTC") with { Url = url }], Stamp));

        Assert.Equal(expected, Value(lines, "URL;VALUE=URI"));
    }

    [Theory]
    [InlineData("https://meet.example/a\r\nATTENDEE:mailto:attacker@evil.example")]
    [InlineData("https://meet.example/a\nBEGIN:VALARM")]
    [InlineData("https://meet.example/\"a\\b")]
    public void A_url_cannot_add_a_line_or_a_raw_backslash(string url)
    {
        var ics = CalendarWriter.Write([Coffee("UTC") with { Url = url }], Stamp);
        var lines = Unfold(ics);

        Assert.DoesNotContain(lines, l => l.StartsWith("ATTENDEE", StringComparison.Ordinal) || l.StartsWith("BEGIN:VALARM", StringComparison.Ordinal));
        Assert.DoesNotContain('\\', ics.Replace(@"\,", "", StringComparison.Ordinal).Replace(@"\n", "", StringComparison.Ordinal));
        Assert.All(lines[6..^2], l => Assert.Contains(l.Split(':', ';')[0], EventProperties));
    }

    [Fact]
    public void Events_sharing_a_zone_share_one_vtimezone_and_utc_events_have_none()
    {
        var events = new[]
        {
            Coffee("Europe/Berlin") with { Uid = "a@rapport" },
            Coffee("UTC") with { Uid = "b@rapport" },
            Coffee("Etc/UTC") with { Uid = "c@rapport" },
            Coffee("Europe/Berlin") with { Uid = "d@rapport", StartUtc = March15.AddYears(3) },
            Coffee("W. Europe Standard Time") with { Uid = "e@rapport" },
            Coffee("America/New_York") with { Uid = "f@rapport" },
        };

        var ics = CalendarWriter.Write(events, Stamp);
        var lines = Unfold(ics);

        Assert.Equal(["TZID:Europe/Berlin", "TZID:America/New_York"], lines.Where(l => l.StartsWith("TZID:", StringComparison.Ordinal)));
        Assert.Equal(6, Count(lines, "BEGIN:VEVENT"));
        Assert.Equal(3, lines.Count(l => l.StartsWith("DTSTART;TZID=Europe/Berlin:", StringComparison.Ordinal)));
        Assert.Equal(2, Count(lines, "DTSTART:20260315T090000Z"));
        // Years 2025-2027 and 2028-2030 are one run: its first block, then two changes a year.
        Assert.Equal(1 + 2 * 6, Observances(ics, "Europe/Berlin").Count);
    }

    [Fact]
    public void Distant_years_get_a_run_of_their_own_with_the_offset_at_its_start()
    {
        var ics = CalendarWriter.Write(
            [Coffee("Europe/Berlin") with { Uid = "a" }, Coffee("Europe/Berlin") with { Uid = "b", StartUtc = March15.AddYears(10) }],
            Stamp);

        var observances = Observances(ics, "Europe/Berlin");
        Assert.Equal(2 * (1 + 2 * 3), observances.Count);
        Assert.Equal("STANDARD 20350101T010000 +0100 +0100 CET", observances[7]);
    }

    [Fact]
    public void An_empty_list_gives_a_calendar_without_components()
    {
        Assert.Equal(Crlf("""
            BEGIN:VCALENDAR
            PRODID:-//Rapport//Rapport//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            END:VCALENDAR
            """), CalendarWriter.Write([], Stamp));
    }

    [Fact]
    public void Unspecified_times_count_as_utc_and_fractions_of_a_second_are_dropped()
    {
        var start = DateTime.SpecifyKind(March15, DateTimeKind.Unspecified).AddMilliseconds(999);
        var lines = Unfold(CalendarWriter.Write(
            [Coffee("UTC") with { StartUtc = start }], DateTime.SpecifyKind(Stamp, DateTimeKind.Unspecified).AddTicks(1)));

        Assert.Equal("20260315T090000Z", Value(lines, "DTSTART"));
        Assert.Equal("20260315T094500Z", Value(lines, "DTEND"));
        Assert.Equal("20260301T120000Z", Value(lines, "DTSTAMP"));
    }

    public static TheoryData<string, CalendarEvent> InvalidEvents => new()
    {
        { "no UID", Coffee("UTC") with { Uid = " " } },
        { "negative sequence", Coffee("UTC") with { Sequence = -1 } },
        { "negative duration", Coffee("UTC") with { Duration = TimeSpan.FromMinutes(-1) } },
        { "local time", Coffee("UTC") with { StartUtc = new DateTime(2026, 3, 15, 9, 0, 0, DateTimeKind.Local) } },
        { "year 1", Coffee("UTC") with { StartUtc = new DateTime(1, 6, 1, 0, 0, 0, DateTimeKind.Utc) } },
        { "past year 9998", Coffee("UTC") with { StartUtc = new DateTime(9998, 12, 31, 23, 0, 0, DateTimeKind.Utc), Duration = TimeSpan.FromHours(2) } },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public void An_invalid_event_is_refused(string problem, CalendarEvent item)
    {
        Assert.False(string.IsNullOrEmpty(problem));
        Assert.ThrowsAny<ArgumentException>(() => CalendarWriter.Write([item], Stamp));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/Berlin\r\nATTENDEE:x")]
    public void An_event_in_a_zone_unknown_here_is_written_in_utc(string zone)
    {
        var lines = Unfold(CalendarWriter.Write([Coffee(zone)], Stamp));

        Assert.False(CalendarWriter.IsSupportedTimeZone(zone));
        Assert.Equal("20260315T090000Z", Value(lines, "DTSTART"));
        Assert.Equal("20260315T094500Z", Value(lines, "DTEND"));
        Assert.DoesNotContain("BEGIN:VTIMEZONE", lines);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Etc/UTC")]
    [InlineData("Etc/GMT+5")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("W. Europe Standard Time")]
    public void A_zone_known_here_is_supported(string zone)
    {
        Assert.True(CalendarWriter.IsSupportedTimeZone(zone));
    }

    [Fact]
    public void Two_events_with_one_uid_are_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => CalendarWriter.Write([Coffee("UTC"), Coffee("Europe/Berlin")], Stamp));

        Assert.Contains("3f2c9a@rapport", error.Message, StringComparison.Ordinal);
    }

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n") + "\r\n";
}

public class CalendarAllDayTests
{
    [Fact]
    public void An_all_day_task_is_a_date_with_free_time_and_a_morning_alarm()
    {
        var item = new Rapport.Formats.ICalendar.CalendarEvent("task-1@rapport", 0, new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc), TimeSpan.Zero,
            "Europe/Berlin", "Send a thank-you note to Amara", null, null, null, AllDayDate: new DateOnly(2026, 12, 3), AlarmAfterStart: TimeSpan.FromHours(9));
        var text = Rapport.Formats.ICalendar.CalendarWriter.Write([item], new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));
        Assert.Contains("DTSTART;VALUE=DATE:20261203\r\n", text);
        Assert.Contains("DTEND;VALUE=DATE:20261204\r\n", text);
        Assert.Contains("TRANSP:TRANSPARENT\r\n", text);
        Assert.Contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Send a thank-you note to Amara\r\nTRIGGER:PT540M\r\nEND:VALARM\r\n", text);
        Assert.DoesNotContain("VTIMEZONE", text);
    }
}
