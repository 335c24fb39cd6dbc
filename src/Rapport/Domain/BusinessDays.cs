namespace Rapport.Domain;

/// <summary>Counting in business days (Monday to Friday; holidays are not known) on the person's own
/// calendar: instants are stored in UTC, but days are the local dates of their time zone.</summary>
/// <remarks>Every DateTime taken here is read as UTC whatever its Kind, since stored values come back
/// Unspecified.</remarks>
public static class BusinessDays
{
    /// <summary>A request sent after noon local counts from the next business day: the reader will
    /// likely not see it before then. Noon itself is not after.</summary>
    public static readonly TimeOnly Cutoff = new(12, 0);

    /// <summary>The local date that is <paramref name="days"/> business days after the day a request sent at
    /// <paramref name="sentUtc"/> counts from. That day is the local date of sending, or the next business day
    /// when sent after <see cref="Cutoff"/> or on a weekend; it is day 0, so a Monday-morning request + 7 is
    /// due on the Wednesday after next. "After 7 business days" means due on the returned date.</summary>
    public static DateOnly DueDate(DateTime sentUtc, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = ToLocal(sentUtc, zone);
        var start = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) > Cutoff) start = start.AddDays(1);
        return AddBusinessDays(start, days);
    }

    /// <summary><paramref name="start"/> is day 0; from a weekend date, day 0 is the Monday after.</summary>
    public static DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        while (!IsBusinessDay(date)) date = date.AddDays(1);
        // Whole weeks at once, so a large count costs no more than a small one.
        date = date.AddDays(days / 5 * 7);
        for (var left = days % 5; left > 0; left--)
        {
            do date = date.AddDays(1);
            while (!IsBusinessDay(date));
        }
        return date;
    }

    /// <summary>The <paramref name="days"/>-th business day strictly after <paramref name="date"/> (days ≥ 1):
    /// a Friday or a Saturday + 1 is the Monday. The inverse of <see cref="BusinessDaysBetween"/>.</summary>
    public static DateOnly NthBusinessDayAfter(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return AddBusinessDays(date.AddDays(1), days - 1);
    }

    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The business days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// 0 when <paramref name="to"/> is not later.</summary>
    public static int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        var span = to.DayNumber - from.DayNumber;
        var count = span / 7 * 5;
        for (var date = from.AddDays(span / 7 * 7 + 1); date <= to; date = date.AddDays(1))
            if (IsBusinessDay(date)) count++;
        return count;
    }

    /// <summary>The local date of an instant in the zone.</summary>
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone));

    /// <summary>The UTC instant of a local date and time in the zone. A time skipped when clocks jump forward
    /// moves on to the first time that exists; a time that happens twice when clocks go back is read as
    /// standard time (the later of the two).</summary>
    public static DateTime LocalToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
