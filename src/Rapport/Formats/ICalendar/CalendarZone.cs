namespace Rapport.Formats.ICalendar;

/// <summary>A zone events are written in: how its times are written, and its VTIMEZONE.</summary>
internal sealed class CalendarZone
{
    // Years whose transitions are known; outside them, DateTime arithmetic near its limits would overflow.
    private const int FirstYear = 2;
    private const int LastYear = 9998;

    private readonly TimeZoneInfo? _zone;
    private readonly HashSet<int> _years = [];
    private List<Observance>? _observances;

    private CalendarZone(string id, TimeZoneInfo? zone)
    {
        Id = id;
        _zone = zone;
    }

    /// <summary>The IANA id written as TZID.</summary>
    public string Id { get; }

    /// <summary>Set once a DTSTART or DTEND refers to the zone by TZID, which then needs its VTIMEZONE.</summary>
    public bool IsReferenced { get; private set; }

    /// <summary>The zone, or null when the id is empty, unknown on this system, or not one a TZID can hold.</summary>
    public static CalendarZone? TryResolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        if (IsUtcId(id)) return Utc();
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
        string? iana = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var converted) ? converted : null;
        if (iana is null) return null;
        if (IsUtcId(iana)) return Utc();
        // IANA ids never hold anything else; this keeps ';' ':' ',' '"' and line breaks out of the TZID parameter.
        return iana.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+') ? new CalendarZone(iana, zone) : null;
    }

    public static CalendarZone Utc() => new("UTC", null);

    /// <summary>Notes an instant an event starts or ends at, so the VTIMEZONE covers it with a year to spare.</summary>
    public void Cover(DateTime utc)
    {
        if (_zone is null) return;
        for (var year = utc.Year - 1; year <= utc.Year + 1; year++)
        {
            if (year is >= FirstYear and <= LastYear) _years.Add(year);
        }
        _observances = null;
    }

    /// <summary>The property parameters and value for a DTSTART or DTEND at this instant.</summary>
    public string DateTimeProperty(string name, DateTime utc)
    {
        if (_zone is null) return $"{name}:{ICalendarText.Utc(utc)}";
        var local = utc + _zone.GetUtcOffset(utc);
        // A time that happens twice (clocks going back) reads differently in different apps (RFC 5545 says
        // the first; ical.js takes the second), so such an instant is written in UTC, which is exact everywhere.
        if (Observances().Any(o => o.Repeats(local))) return $"{name}:{ICalendarText.Utc(utc)}";
        IsReferenced = true;
        return $"{name};TZID={Id}:{ICalendarText.Local(local)}";
    }

    public void WriteTimeZone(ContentLines lines)
    {
        if (_zone is null) return;
        var abbreviations = ZoneAbbreviations.Read(Id);
        lines.Add("BEGIN:VTIMEZONE");
        lines.Add("TZID:" + Id);
        foreach (var observance in Observances())
        {
            var kind = observance.IsDaylight ? "DAYLIGHT" : "STANDARD";
            lines.Add("BEGIN:" + kind);
            lines.Add("DTSTART:" + ICalendarText.Local(observance.LocalOnset));
            lines.Add("TZOFFSETFROM:" + ICalendarText.Offset(observance.From));
            lines.Add("TZOFFSETTO:" + ICalendarText.Offset(observance.To));
            lines.Add("TZNAME:" + ICalendarText.Escape(Name(abbreviations, observance)));
            lines.Add("END:" + kind);
        }
        lines.Add("END:VTIMEZONE");
    }

    private static bool IsUtcId(string id) =>
        string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "Etc/UTC", StringComparison.OrdinalIgnoreCase);

    private List<Observance> Observances() => _observances ??= ZoneTransitions.Find(_zone!, _years);

    private static string Name(Dictionary<(int OffsetSeconds, bool IsDaylight), string> abbreviations, Observance observance)
    {
        var seconds = (int)observance.To.TotalSeconds;
        if (abbreviations.TryGetValue((seconds, observance.IsDaylight), out var name)) return name;
        // .NET and the tz database may disagree on which is daylight time (Europe/Dublin's "negative DST").
        if (abbreviations.TryGetValue((seconds, !observance.IsDaylight), out name)) return name;
        return ICalendarText.Offset(observance.To);
    }
}
