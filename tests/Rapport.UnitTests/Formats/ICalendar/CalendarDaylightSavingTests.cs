namespace Rapport.UnitTests.Formats.ICalendar;

using Rapport.Formats.ICalendar;
using static IcsText;

/// <summary>Local times and VTIMEZONE offsets around clock changes, in zones with odd offsets and in the
/// southern hemisphere. Dates and offsets are the tz database's for 2026.</summary>
public class CalendarDaylightSavingTests
{
    [Fact]
    public void New_york_spring_forward_ends_at_the_right_local_time()
    {
        // 01:30 EST + 1 hour = 03:30 EDT: 02:00-03:00 does not exist that night.
        var ics = Write("America/New_York", new DateTime(2026, 3, 8, 6, 30, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));
        var lines = Unfold(ics);

        Assert.Equal("20260308T013000", Value(lines, "DTSTART;TZID=America/New_York"));
        Assert.Equal("20260308T033000", Value(lines, "DTEND;TZID=America/New_York"));
        Assert.Contains("DAYLIGHT 20260308T020000 -0500 -0400 EDT", Observances(ics, "America/New_York"));
        Assert.Contains("STANDARD 20261101T020000 -0400 -0500 EST", Observances(ics, "America/New_York"));
    }

    [Fact]
    public void New_york_fall_back_across_the_repeated_hour_ends_at_the_right_local_time()
    {
        // 00:30 EDT + 3.5 hours = 03:00 EST: two and a half hours on the clock.
        var ics = Write("America/New_York", new DateTime(2026, 11, 1, 4, 30, 0, DateTimeKind.Utc), TimeSpan.FromHours(3.5));
        var lines = Unfold(ics);

        Assert.Equal("20261101T003000", Value(lines, "DTSTART;TZID=America/New_York"));
        Assert.Equal("20261101T030000", Value(lines, "DTEND;TZID=America/New_York"));
        Assert.Contains("STANDARD 20261101T020000 -0400 -0500 EST", Observances(ics, "America/New_York"));
    }

    [Theory]
    [InlineData(5, "20261101T053000Z", "DTEND:20261101T063000Z")] // 01:30 EDT to 01:30 EST: both repeated
    [InlineData(6, "20261101T063000Z", "DTEND;TZID=America/New_York:20261101T023000")] // 01:30 EST to 02:30 EST
    public void A_time_in_the_repeated_hour_is_written_in_utc_because_its_local_time_is_ambiguous(int utcHour, string start, string end)
    {
        var ics = Write("America/New_York", new DateTime(2026, 11, 1, utcHour, 30, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));
        var lines = Unfold(ics);

        Assert.Contains("DTSTART:" + start, lines);
        Assert.Contains(end, lines);
        // The VTIMEZONE is written only when a TZID refers to it.
        if (end.Contains("TZID", StringComparison.Ordinal))
            Assert.Contains("STANDARD 20261101T020000 -0400 -0500 EST", Observances(ics, "America/New_York"));
        else
            Assert.DoesNotContain("BEGIN:VTIMEZONE", lines);
    }

    [Fact]
    public void Berlin_fall_back_ends_at_the_right_local_time()
    {
        // 00:30 CEST + 4 hours = 03:30 CET.
        var ics = Write("Europe/Berlin", new DateTime(2026, 10, 24, 22, 30, 0, DateTimeKind.Utc), TimeSpan.FromHours(4));
        var lines = Unfold(ics);

        Assert.Equal("20261025T003000", Value(lines, "DTSTART;TZID=Europe/Berlin"));
        Assert.Equal("20261025T033000", Value(lines, "DTEND;TZID=Europe/Berlin"));
        Assert.Contains("STANDARD 20261025T030000 +0200 +0100 CET", Observances(ics, "Europe/Berlin"));
        Assert.Contains("DAYLIGHT 20260329T020000 +0100 +0200 CEST", Observances(ics, "Europe/Berlin"));
    }

    [Fact]
    public void Sydney_daylight_saving_ends_in_april_and_starts_in_october()
    {
        // 01:00 AEDT + 3 hours = 03:00 AEST on 5 April 2026.
        var ics = Write("Australia/Sydney", new DateTime(2026, 4, 4, 14, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(3));
        var lines = Unfold(ics);

        Assert.Equal("20260405T010000", Value(lines, "DTSTART;TZID=Australia/Sydney"));
        Assert.Equal("20260405T030000", Value(lines, "DTEND;TZID=Australia/Sydney"));
        var observances = Observances(ics, "Australia/Sydney");
        Assert.Equal("DAYLIGHT 20250101T110000 +1100 +1100 AEDT", observances[0]);
        Assert.Contains("STANDARD 20260405T030000 +1100 +1000 AEST", observances);
        Assert.Contains("DAYLIGHT 20261004T020000 +1000 +1100 AEDT", observances);
    }

    [Fact]
    public void Chatham_changes_at_quarter_to_with_offsets_of_twelve_and_thirteen_forty_five()
    {
        // 01:00 +1345 + 4 hours = 04:00 +1245 on 5 April 2026.
        var ics = Write("Pacific/Chatham", new DateTime(2026, 4, 4, 11, 15, 0, DateTimeKind.Utc), TimeSpan.FromHours(4));
        var lines = Unfold(ics);

        Assert.Equal("20260405T010000", Value(lines, "DTSTART;TZID=Pacific/Chatham"));
        Assert.Equal("20260405T040000", Value(lines, "DTEND;TZID=Pacific/Chatham"));
        var observances = Observances(ics, "Pacific/Chatham");
        Assert.Contains("STANDARD 20260405T034500 +1345 +1245 +1245", observances);
        Assert.Contains("DAYLIGHT 20260927T024500 +1245 +1345 +1345", observances);
        Assert.Equal(7, observances.Count);
    }

    [Fact]
    public void Dublin_summer_time_is_written_as_daylight_although_the_tz_database_marks_winter_instead()
    {
        var ics = Write("Europe/Dublin", new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));

        Assert.Equal("20260701T100000", Value(Unfold(ics), "DTSTART;TZID=Europe/Dublin"));
        var observances = Observances(ics, "Europe/Dublin");
        Assert.Equal("STANDARD 20250101T000000 +0000 +0000 GMT", observances[0]);
        Assert.Contains("DAYLIGHT 20260329T010000 +0000 +0100 IST", observances);
        Assert.Contains("STANDARD 20261025T020000 +0100 +0000 GMT", observances);
    }

    [Theory]
    [InlineData("Asia/Kathmandu", 3, 30, "20260610T091500", "+0545")]
    [InlineData("Asia/Kolkata", 3, 30, "20260610T090000", "+0530")]
    public void A_zone_without_daylight_saving_has_one_standard_block(string zone, int utcHour, int utcMinute, string local, string offset)
    {
        var ics = Write(zone, new DateTime(2026, 6, 10, utcHour, utcMinute, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));
        var lines = Unfold(ics);

        Assert.Equal(local, Value(lines, $"DTSTART;TZID={zone}"));
        var observance = Assert.Single(Observances(ics, zone));
        Assert.StartsWith($"STANDARD 20250101T{offset[1..]}00 {offset} {offset} ", observance, StringComparison.Ordinal);
    }

    private static string Write(string zone, DateTime startUtc, TimeSpan duration) =>
        CalendarWriter.Write([new CalendarEvent("dst@rapport", 0, startUtc, duration, zone, "Call", null, null, null)], Stamp);
}
