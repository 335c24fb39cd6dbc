namespace Rapport.Domain;

/// <summary>How far off a moment is, in the words a person uses: "in 40 min", "in 3 hours" on the same day,
/// "tomorrow", "in 3 days". Days are counted on the person's calendar, not in 24-hour blocks.</summary>
public static class TimeUntil
{
    /// <summary>Null once the moment has come.</summary>
    public static string? Words(DateTime nowUtc, DateTime atUtc, TimeZoneInfo zone)
    {
        if (atUtc <= nowUtc) return null;
        var days = DateOnly.FromDateTime(TimeZones.ToLocal(atUtc, zone)).DayNumber - DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone)).DayNumber;
        if (days > 1) return $"in {days} days";
        if (days == 1) return "tomorrow";
        var minutes = (int)Math.Ceiling((atUtc - nowUtc).TotalMinutes);
        return minutes < 60 ? $"in {minutes} min" : minutes < 120 ? "in 1 hour" : $"in {minutes / 60} hours";
    }

    /// <summary>True when the moment falls on today's date for the person.</summary>
    public static bool IsToday(DateTime nowUtc, DateTime atUtc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZones.ToLocal(atUtc, zone)) == DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));
}
