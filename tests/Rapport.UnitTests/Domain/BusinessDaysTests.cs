using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class BusinessDaysTests
{
    // 2026-03-02 is a Monday.
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
    private static readonly TimeZoneInfo PagoPago = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago");

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);
    private static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-02", true)]
    [InlineData("2026-03-06", true)]
    [InlineData("2026-03-07", false)]
    [InlineData("2026-03-08", false)]
    public void Weekends_are_not_business_days(string date, bool expected) => Assert.Equal(expected, BusinessDays.IsBusinessDay(Date(date)));

    [Theory]
    [InlineData("2026-03-02", 0, "2026-03-02")]
    [InlineData("2026-03-02", 1, "2026-03-03")]
    [InlineData("2026-03-02", 7, "2026-03-11")]
    [InlineData("2026-03-04", 3, "2026-03-09")]
    [InlineData("2026-03-06", 1, "2026-03-09")]
    [InlineData("2026-03-06", 5, "2026-03-13")]
    [InlineData("2026-03-02", 10, "2026-03-16")]
    [InlineData("2026-03-07", 0, "2026-03-09")]
    [InlineData("2026-03-08", 1, "2026-03-10")]
    [InlineData("2026-03-02", 260, "2027-03-01")]
    public void Adding_business_days_counts_after_the_start_and_starts_a_weekend_on_monday(string start, int days, string expected) =>
        Assert.Equal(Date(expected), BusinessDays.AddBusinessDays(Date(start), days));

    [Fact]
    public void Adding_a_negative_count_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDays.AddBusinessDays(Date("2026-03-02"), -1));

    [Theory]
    [InlineData("2026-03-02", "2026-03-02", 0)]
    [InlineData("2026-03-03", "2026-03-02", 0)]
    [InlineData("2026-03-06", "2026-03-09", 1)]
    [InlineData("2026-03-07", "2026-03-08", 0)]
    [InlineData("2026-03-02", "2026-03-09", 5)]
    [InlineData("2026-03-02", "2026-03-11", 7)]
    public void Business_days_between_count_those_after_the_first_date_up_to_the_second(string from, string to, int expected) =>
        Assert.Equal(expected, BusinessDays.BusinessDaysBetween(Date(from), Date(to)));

    [Fact]
    public void Counting_forward_and_counting_between_agree_with_a_day_by_day_count()
    {
        for (var start = Date("2026-03-02"); start < Date("2026-03-23"); start = start.AddDays(1))
        {
            for (var days = 0; days <= 25; days++)
            {
                var added = BusinessDays.AddBusinessDays(start, days);
                Assert.True(BusinessDays.IsBusinessDay(added));
                if (BusinessDays.IsBusinessDay(start)) Assert.Equal(days, BusinessDays.BusinessDaysBetween(start, added));
                if (days == 0) continue;
                var after = BusinessDays.NthBusinessDayAfter(start, days);
                Assert.Equal(days, BusinessDays.BusinessDaysBetween(start, after));
                Assert.Equal(days, CountDayByDay(start, after));
                Assert.Equal(days - 1, BusinessDays.BusinessDaysBetween(start, after.AddDays(-1)));
            }
        }
    }

    [Theory]
    [InlineData("2026-03-05", 1, "2026-03-06")]
    [InlineData("2026-03-06", 1, "2026-03-09")]
    [InlineData("2026-03-07", 1, "2026-03-09")]
    [InlineData("2026-03-08", 2, "2026-03-10")]
    public void The_nth_business_day_after_a_weekend_day_starts_counting_on_monday(string date, int days, string expected) =>
        Assert.Equal(Date(expected), BusinessDays.NthBusinessDayAfter(Date(date), days));

    [Theory]
    [InlineData(2, 9, 0, 7, "2026-03-11")]   // Monday morning + 7: the Wednesday after next
    [InlineData(2, 12, 0, 7, "2026-03-11")]  // noon itself is not after noon
    [InlineData(2, 13, 0, 7, "2026-03-12")]  // after noon: counts from Tuesday
    [InlineData(6, 15, 0, 3, "2026-03-12")]  // Friday afternoon: counts from Monday
    [InlineData(7, 10, 0, 0, "2026-03-09")]  // Saturday: counts from Monday
    [InlineData(7, 10, 0, 7, "2026-03-18")]
    [InlineData(8, 23, 0, 1, "2026-03-10")]  // Sunday night
    public void A_request_is_due_counting_from_the_day_it_counts_from(int day, int hour, int minute, int days, string expected) =>
        Assert.Equal(Date(expected), BusinessDays.DueDate(Utc(3, day, hour, minute), days, TimeZoneInfo.Utc));

    [Fact]
    public void Far_east_of_utc_the_local_date_and_hour_decide()
    {
        // Sunday 20:00 UTC is Monday 10:00 in Kiritimati (UTC+14): a Monday-morning request.
        Assert.Equal(Date("2026-03-11"), BusinessDays.DueDate(Utc(3, 1, 20), 7, Kiritimati));
        // Monday 09:00 UTC is Monday 23:00 there: after noon, so it counts from Tuesday.
        Assert.Equal(Date("2026-03-12"), BusinessDays.DueDate(Utc(3, 2, 9), 7, Kiritimati));
        // 09:00 on a Kiritimati date is 19:00 UTC the day before.
        Assert.Equal(Utc(3, 10, 19), BusinessDays.LocalToUtc(Date("2026-03-11"), new TimeOnly(9, 0), Kiritimati));
    }

    [Fact]
    public void Far_west_of_utc_the_local_date_and_hour_decide()
    {
        // Tuesday 22:00 UTC is Tuesday 11:00 in Pago Pago (UTC-11): before noon.
        Assert.Equal(Date("2026-03-11"), BusinessDays.DueDate(Utc(3, 10, 22), 1, PagoPago));
        // Saturday 03:00 UTC is Friday 16:00 there: after noon on a Friday, so it counts from Monday.
        Assert.Equal(Date("2026-03-17"), BusinessDays.DueDate(Utc(3, 14, 3), 1, PagoPago));
        // Monday 10:00 UTC is still Sunday there.
        Assert.Equal(Date("2026-03-10"), BusinessDays.DueDate(Utc(3, 9, 10), 1, PagoPago));
        Assert.Equal(Utc(3, 11, 20), BusinessDays.LocalToUtc(Date("2026-03-11"), new TimeOnly(9, 0), PagoPago));
    }

    [Fact]
    public void Due_dates_do_not_drift_across_the_american_spring_change()
    {
        // Friday 10:00 EST + 7 spans Sunday 2026-03-08, when clocks jump forward.
        Assert.Equal(Date("2026-03-17"), BusinessDays.DueDate(Utc(3, 6, 15), 7, NewYork));
        // Saturday 23:30 EST is already Sunday in UTC; either way it counts from Monday.
        Assert.Equal(Date("2026-03-10"), BusinessDays.DueDate(Utc(3, 8, 4, 30), 1, NewYork));
        // 09:00 local is 14:00 UTC before the change and 13:00 UTC after it.
        Assert.Equal(Utc(3, 6, 14), BusinessDays.LocalToUtc(Date("2026-03-06"), new TimeOnly(9, 0), NewYork));
        Assert.Equal(Utc(3, 17, 13), BusinessDays.LocalToUtc(Date("2026-03-17"), new TimeOnly(9, 0), NewYork));
    }

    [Fact]
    public void Due_dates_do_not_drift_across_the_american_autumn_change()
    {
        Assert.Equal(Date("2026-11-02"), BusinessDays.DueDate(Utc(10, 30, 15), 1, NewYork));
        // Monday 11:30 EST is 16:30 UTC: before noon locally, though 12:30 on summer time.
        Assert.Equal(Date("2026-11-11"), BusinessDays.DueDate(Utc(11, 2, 16, 30), 7, NewYork));
        // Sunday 00:30 EDT, the night clocks go back, counts from Monday.
        Assert.Equal(Date("2026-11-11"), BusinessDays.DueDate(Utc(11, 1, 4, 30), 7, NewYork));
    }

    [Fact]
    public void Due_dates_do_not_drift_across_the_european_spring_change()
    {
        // Friday 23:30 CET counts from Monday; Sunday 2026-03-29 has 23 hours.
        Assert.Equal(Date("2026-03-31"), BusinessDays.DueDate(new DateTime(2026, 3, 27, 22, 30, 0, DateTimeKind.Utc), 1, Berlin));
        // Monday 12:30 CEST is 10:30 UTC: after noon locally, though 11:30 on winter time.
        Assert.Equal(Date("2026-04-01"), BusinessDays.DueDate(new DateTime(2026, 3, 30, 10, 30, 0, DateTimeKind.Utc), 1, Berlin));
        Assert.Equal(new DateTime(2026, 3, 30, 7, 0, 0, DateTimeKind.Utc), BusinessDays.LocalToUtc(Date("2026-03-30"), new TimeOnly(9, 0), Berlin));
    }

    [Fact]
    public void A_local_time_skipped_or_repeated_by_a_clock_change_still_has_one_instant()
    {
        // 02:30 does not exist on 2026-03-08 in New York: 03:00 EDT is taken.
        Assert.Equal(Utc(3, 8, 7), BusinessDays.LocalToUtc(Date("2026-03-08"), new TimeOnly(2, 30), NewYork));
        // 01:30 happens twice on 2026-11-01: standard time is taken.
        Assert.Equal(Utc(11, 1, 6, 30), BusinessDays.LocalToUtc(Date("2026-11-01"), new TimeOnly(1, 30), NewYork));
    }

    [Fact]
    public void Stored_times_without_a_kind_are_read_as_utc()
    {
        var unspecified = new DateTime(2026, 3, 2, 13, 0, 0, DateTimeKind.Unspecified);
        Assert.Equal(BusinessDays.DueDate(Utc(3, 2, 13), 7, NewYork), BusinessDays.DueDate(unspecified, 7, NewYork));
        Assert.Equal(DateTimeKind.Utc, ThankYouDeadline.Due(unspecified, 48).Kind);
    }

    [Theory]
    [InlineData(3, 7, 20)]   // New York, spring forward on 03-08
    [InlineData(10, 31, 20)] // New York, fall back on 11-01
    public void A_thank_you_across_a_clock_change_is_due_after_exactly_the_elapsed_hours(int month, int day, int hour)
    {
        var end = Utc(month, day, hour);
        var due = ThankYouDeadline.Due(end, 48);
        Assert.Equal(TimeSpan.FromHours(48), due - end);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
        // The wall clock shows 47 or 49 hours: the offset changed in between.
        var wall = TimeZoneInfo.ConvertTimeFromUtc(due, NewYork) - TimeZoneInfo.ConvertTimeFromUtc(end, NewYork);
        Assert.NotEqual(TimeSpan.FromHours(48), wall);
    }

    [Fact]
    public void A_thank_you_across_the_european_change_is_due_after_exactly_48_hours()
    {
        var end = new DateTime(2026, 3, 28, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 3, 30, 16, 0, 0, DateTimeKind.Utc), ThankYouDeadline.Due(end, 48));
    }

    [Theory]
    [InlineData(23)]
    [InlineData(169)]
    public void A_thank_you_deadline_outside_the_policy_range_is_refused(int hours) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThankYouDeadline.Due(Utc(3, 2, 9), hours));

    private static int CountDayByDay(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count++;
        return count;
    }
}
