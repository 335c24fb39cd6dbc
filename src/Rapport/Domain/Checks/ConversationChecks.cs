namespace Rapport.Domain;

/// <summary>The values a <see cref="Conversation"/> and its meeting may hold, whoever writes them (the
/// schedule and reflection forms, a restore). A meeting of -5 minutes or in the year 9999 broke the calendar.</summary>
public static class ConversationChecks
{
    public const string VideoLinkMessage = "Enter a link starting with https://.";
    public static readonly string DurationMessage = $"A meeting lasts {Conversation.MinMinutes} to {Conversation.MaxMinutes} minutes.";

    public static string? VideoLink(string? link) => link is null || WebAddress.IsWebLink(link) ? null : VideoLinkMessage;

    public static string? Duration(int minutes) => minutes is >= Conversation.MinMinutes and <= Conversation.MaxMinutes ? null : DurationMessage;

    public static string? MeetingStart(DateTime? startUtc) => YearRange.Holds(startUtc) ? null : YearRange.Message;

    public static string? MeetingDate(DateOnly? date) => YearRange.Holds(date) ? null : YearRange.Message;

    public static string? TimeZone(string? zoneId) => TimeZones.ToIanaId(zoneId) is null ? "Choose a time zone from the list." : null;

    public static string? FitRating(int? rating) => rating is null or (>= 1 and <= 5) ? null : "Rate the fit from 1 to 5.";

    /// <summary>Whether the meeting can be put on a calendar: a row stored before these checks may hold one that cannot.</summary>
    public static bool IsCalendarReady(Conversation conversation) =>
        MeetingStart(conversation.MeetingStartUtc) is null && Duration(conversation.DurationMinutes) is null;

    public static IEnumerable<ValueProblem> Of(Conversation conversation)
    {
        if (VideoLink(conversation.VideoLink) is { } link) yield return new(nameof(Conversation.VideoLink), link);
        if (Duration(conversation.DurationMinutes) is { } duration) yield return new(nameof(Conversation.DurationMinutes), duration);
        if (MeetingStart(conversation.MeetingStartUtc) is { } start) yield return new(nameof(Conversation.MeetingStartUtc), start);
        if (TimeZone(conversation.TimeZoneId) is { } zone) yield return new(nameof(Conversation.TimeZoneId), zone);
        if (FitRating(conversation.FitRating) is { } fit) yield return new(nameof(Conversation.FitRating), fit);
    }
}
