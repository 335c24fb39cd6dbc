namespace Rapport.Formats.ICalendar;

/// <summary>One STANDARD or DAYLIGHT block of a VTIMEZONE: from <see cref="OnsetUtc"/> on, the zone is
/// <see cref="To"/> ahead of UTC.</summary>
internal readonly record struct Observance(DateTime OnsetUtc, TimeSpan From, TimeSpan To, bool IsDaylight)
{
    /// <summary>The onset as RFC 5545 writes it: in the local time in effect before it.</summary>
    public DateTime LocalOnset => OnsetUtc + From;

    /// <summary>Whether the local time happens twice around this change (clocks went back).</summary>
    public bool Repeats(DateTime local) => To < From && local >= OnsetUtc + To && local < OnsetUtc + From;
}
