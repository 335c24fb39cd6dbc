namespace Rapport.Domain;

/// <summary>How long ago something happened, in days of the person's own calendar: a message sent last night
/// at 23:00 was "yesterday" this morning, though fewer than 24 hours have passed.</summary>
public static class DaysSince
{
    public static int Count(DateTime thenUtc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var days = DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone)).DayNumber - DateOnly.FromDateTime(TimeZones.ToLocal(thenUtc, zone)).DayNumber;
        // A clock a little behind another device's stamp is not "in the future".
        return Math.Max(0, days);
    }

    public static string Words(int days) => days switch
    {
        0 => "today",
        1 => "yesterday",
        _ => Plural.Of(days, "day") + " ago",
    };
}
