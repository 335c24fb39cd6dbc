using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Outreach;

namespace Rapport.Features.People;

/// <summary>One entry on a contact's timeline; <see cref="Body"/> is the text of a message sent.</summary>
public sealed record TimelineEntry(DateTime AtUtc, string Kind, string Text, string? Body = null);

/// <summary>Everything that happened with one contact, newest first: additions, imports and job changes,
/// each change of a conversation's stage, every message sent (with its text), replies and follow-ups done.</summary>
public static class ContactTimeline
{
    private const int PerKind = 200;

    public static async Task<List<TimelineEntry>> LoadAsync(RapportDb db, int contactId)
    {
        var events = await db.ContactEvents.AsNoTracking().Where(e => e.ContactId == contactId)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).Take(PerKind)
            .Select(e => new TimelineEntry(e.OccurredAtUtc, e.Kind.ToString(), e.Text, null)).ToListAsync();
        var stages = await db.StageChanges.AsNoTracking().Where(s => db.Conversations.Any(c => c.Id == s.ConversationId && c.ContactId == contactId))
            .OrderByDescending(s => s.AtUtc).Take(PerKind).Select(s => new { s.AtUtc, s.From, s.To }).ToListAsync();
        var messages = await db.OutreachAttempts.AsNoTracking().Where(a => a.ContactId == contactId)
            .OrderByDescending(a => a.SentAtUtc).Take(PerKind).Select(a => new { a.SentAtUtc, a.Channel, a.Purpose, a.Body }).ToListAsync();
        var replies = await db.Replies.AsNoTracking().Where(r => r.ContactId == contactId)
            .OrderByDescending(r => r.AtUtc).Take(PerKind).Select(r => new { r.AtUtc, r.Kind }).ToListAsync();
        var done = await db.FollowUpTasks.AsNoTracking().Where(t => t.ContactId == contactId && t.DoneAtUtc != null)
            .OrderByDescending(t => t.DoneAtUtc).Take(PerKind).Select(t => new { DoneAtUtc = t.DoneAtUtc!.Value, t.Title }).ToListAsync();

        return events
            .Concat(stages.Select(s => new TimelineEntry(s.AtUtc, "Conversation", s.From is null
                ? $"Conversation planned ({ConversationStages.Label(s.To).ToLowerInvariant()})"
                : $"Conversation {ConversationStages.Label(s.From.Value).ToLowerInvariant()} → {ConversationStages.Label(s.To).ToLowerInvariant()}")))
            .Concat(messages.Select(m => new TimelineEntry(m.SentAtUtc, "Message",
                $"{TemplateChoices.Label(m.Purpose)} sent ({TemplateChoices.Label(m.Channel).ToLowerInvariant()})", m.Body)))
            .Concat(replies.Select(r => new TimelineEntry(r.AtUtc, "Reply", TemplateChoices.Label(r.Kind))))
            .Concat(done.Select(t => new TimelineEntry(t.DoneAtUtc, "Task", $"Done: {t.Title}")))
            .OrderByDescending(e => e.AtUtc).ToList();
    }
}
