namespace Rapport.Domain;

/// <summary>When the thank-you note is due.</summary>
public static class ThankYouDeadline
{
    /// <summary><paramref name="hours"/> elapsed hours after the meeting ends (not wall-clock hours: across a
    /// daylight-saving change, 48 hours stay 48). The result is UTC.</summary>
    public static DateTime Due(DateTime meetingEndUtc, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, FollowUpPolicy.MinThankYouHours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, FollowUpPolicy.MaxThankYouHours);
        return DateTime.SpecifyKind(meetingEndUtc, DateTimeKind.Utc).AddHours(hours);
    }
}
