using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class DaysSinceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");

    [Fact]
    public void Last_night_is_yesterday_in_the_person_s_own_calendar_though_fewer_than_24_hours_passed()
    {
        // 23:30 in Berlin on 1 December, read at 08:00 on 2 December: eight and a half hours later.
        var sent = new DateTime(2026, 12, 1, 22, 30, 0, DateTimeKind.Utc);
        var now = new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal(1, DaysSince.Count(sent, now, Berlin));
        // Half past midnight in Berlin is already 2 December there, though still 1 December in UTC.
        var afterMidnight = new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(0, DaysSince.Count(afterMidnight, now, Berlin));
        Assert.Equal(1, DaysSince.Count(afterMidnight, now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_stamp_a_little_ahead_of_the_clock_is_today_not_the_future() =>
        Assert.Equal(0, DaysSince.Count(new DateTime(2026, 12, 2, 9, 5, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), Berlin));

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "yesterday")]
    [InlineData(2, "2 days ago")]
    [InlineData(1200, "1,200 days ago")]
    public void The_days_are_said_as_a_person_would(int days, string expected) => Assert.Equal(expected, DaysSince.Words(days));
}
