using System.Text;
using Rapport.Domain;
using Rapport.Formats.ICalendar;

namespace Rapport.Features.Conversations;

/// <summary>A conversation's meeting as a calendar event. With details: where, the link, and the questions.</summary>
public static class MeetingCalendar
{
    public static CalendarEvent? ToEvent(Conversation conversation, string contactName, string? organizationName, bool withDetails)
    {
        // A meeting stored before its checks existed (a restore) may start in a year no calendar can hold: it is left
        // out, and a length out of range is shown at the nearest one, so one old row never breaks the whole feed.
        if (conversation.MeetingStartUtc is not DateTime start || ConversationChecks.MeetingStart(start) is not null) return null;
        var minutes = Math.Clamp(conversation.DurationMinutes, Conversation.MinMinutes, Conversation.MaxMinutes);
        var summary = $"Informational interview with {contactName}" + (organizationName is null ? "" : $" ({organizationName})");
        string? description = null;
        if (withDetails && conversation.Questions.Count > 0)
        {
            var text = new StringBuilder("Questions, most important first:\n");
            var n = 1;
            foreach (var question in conversation.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id)) text.Append(n++).Append(". ").Append(question.Text).Append('\n');
            description = text.ToString().TrimEnd();
        }
        return new CalendarEvent(
            Uid: conversation.Uid.ToString("N") + "@rapport",
            Sequence: conversation.CalendarSequence,
            StartUtc: DateTime.SpecifyKind(start, DateTimeKind.Utc),
            Duration: TimeSpan.FromMinutes(minutes),
            TimeZoneId: conversation.TimeZoneId,
            Summary: summary,
            Location: withDetails ? conversation.Place : null,
            Description: description,
            Url: withDetails ? conversation.VideoLink : null,
            Cancelled: conversation.Stage is ConversationStage.Cancelled or ConversationStage.Declined);
    }
}
