namespace Rapport.Domain;

/// <summary>IANA time zones: the ids the profile offers, and turning what a user or browser sends
/// (an IANA id, or a Windows id such as "Eastern Standard Time") into one stored IANA id.</summary>
public static class TimeZones
{
    private static readonly Lazy<IReadOnlyList<string>> AllIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
            .OfType<string>()
            .Where(id => id.Contains('/') || id == "UTC")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<string> Ids => AllIds.Value;

    /// <summary>The IANA id for <paramref name="id"/>, or null when it names no known zone.</summary>
    public static string? ToIanaId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return null;
        id = id.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return null;
        if (zone.HasIanaId) return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    public static TimeZoneInfo FindOrUtc(string? ianaId) =>
        ianaId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The UTC instant of a wall-clock time in <paramref name="zone"/>. A time the clocks repeat
    /// (going back) is its first occurrence. A time they skip (going forward) is moved on by the gap, so
    /// a day whose midnight does not exist (Santiago, Havana) starts at 01:00; TimeZoneInfo would throw.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddDays(-1))
            : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
