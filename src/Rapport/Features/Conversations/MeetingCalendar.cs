using System.Text;
using Rapport.Domain;
using Rapport.Formats.ICalendar;

namespace Rapport.Features.Conversations;

/// <summary>A conversation's meeting as a calendar event. With details: where, the link, and the questions.</summary>
public static class MeetingCalendar
{
    public static CalendarEvent? ToEvent(Conversation conversation, string contactName, string? organizationName, bool withDetails)
    {
        if (conversation.MeetingStartUtc is not DateTime start) return null;
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
            Duration: TimeSpan.FromMinutes(conversation.DurationMinutes),
            TimeZoneId: conversation.TimeZoneId,
            Summary: summary,
            Location: withDetails ? conversation.Place : null,
            Description: description,
            Url: withDetails ? conversation.VideoLink : null,
            Cancelled: conversation.Stage is ConversationStage.Cancelled or ConversationStage.Declined);
    }
}
