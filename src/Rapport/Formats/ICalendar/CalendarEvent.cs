namespace Rapport.Formats.ICalendar;

/// <summary>One meeting as <see cref="CalendarWriter"/> writes it as a VEVENT.</summary>
/// <param name="Uid">Stable across updates, so a calendar app replaces its copy instead of adding one.</param>
/// <param name="Sequence">Bumped by the app on each change; not negative.</param>
/// <param name="StartUtc">The start instant. Kind Utc; Unspecified is read as UTC (that is what EF Core
/// returns from SQLite), Local is refused.</param>
/// <param name="Duration">Not negative.</param>
/// <param name="TimeZoneId">IANA id ("Europe/Berlin"): start and end are written as local times of this zone,
/// with its VTIMEZONE. "UTC" and "Etc/UTC" write UTC times, and so does an id unknown on this system. A Windows
/// id is accepted and written as its IANA id.</param>
/// <param name="Description">May be long and hold line breaks.</param>
/// <param name="Url">Written only when it is an absolute http or https URL.</param>
/// <param name="Cancelled">STATUS:CANCELLED instead of CONFIRMED.</param>
/// <param name="AllDayDate">Set for an all-day item (a task due that day): written as a DATE, free time,
/// in no zone; StartUtc, Duration and TimeZoneId are then not used.</param>
/// <param name="AlarmAfterStart">Set for a reminder: a display alarm this long after the start (9 hours
/// after the start of an all-day item is 09:00 that day).</param>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    DateTime StartUtc,
    TimeSpan Duration,
    string TimeZoneId,
    string Summary,
    string? Location,
    string? Description,
    string? Url,
    bool Cancelled = false,
    DateOnly? AllDayDate = null,
    TimeSpan? AlarmAfterStart = null);
