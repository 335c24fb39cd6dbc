using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Outreach;

namespace Rapport.Features.People;

/// <summary>One entry on a contact's timeline; <see cref="Body"/> is the text of a message sent.</summary>
public sealed record TimelineEntry(DateTime AtUtc, string Kind, string Text, string? Body = null);

/// <summary>Everything that happened with one contact, newest first: additions, imports, job changes and
/// logged calls, each change of a conversation's stage, every message sent (with its text), replies and
/// follow-ups done. One query (a UNION of the five sources), the latest of each kind.</summary>
public static class ContactTimeline
{
    private const int PerKind = 200;

    private enum From { Event, Stage, Message, Reply, Task }

    /// <summary>The common shape of the five sources; Code and Code2 carry each one's kinds (-1: none).
    /// Set by initializers, not a constructor: EF can only put a UNION over projections it can see into.
    /// No NULL literals: PostgreSQL types an untyped NULL in a subquery as text, which a UNION cannot then
    /// match with a number.</summary>
    private sealed class Row
    {
        public DateTime At { get; init; }
        public From From { get; init; }
        public int Code { get; init; }
        public int Code2 { get; init; }
        public string Text { get; init; } = "";
    }

    // Compiled once: the contact page runs it on every view.
    private static readonly Func<RapportDb, int, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery((RapportDb db, int contactId) =>
        db.ContactEvents.AsNoTracking().Where(e => e.ContactId == contactId).OrderByDescending(e => e.OccurredAtUtc).Take(PerKind)
            .Select(e => new Row { At = e.OccurredAtUtc, From = From.Event, Code = (int)e.Kind, Code2 = -1, Text = e.Text })
            // IN, not EXISTS: the contact's conversations lead to their stage changes, rather than every stage
            // change of every conversation being checked against them.
            .Concat(db.StageChanges.Where(s => db.Conversations.Where(c => c.ContactId == contactId).Select(c => c.Id).Contains(s.ConversationId))
                .OrderByDescending(s => s.AtUtc).Take(PerKind)
                .Select(s => new Row { At = s.AtUtc, From = From.Stage, Code = (int)s.To, Code2 = s.From == null ? -1 : (int)s.From, Text = "" }))
            .Concat(db.OutreachAttempts.Where(a => a.ContactId == contactId).OrderByDescending(a => a.SentAtUtc).Take(PerKind)
                .Select(a => new Row { At = a.SentAtUtc, From = From.Message, Code = (int)a.Purpose, Code2 = (int)a.Channel, Text = a.Body }))
            .Concat(db.Replies.Where(r => r.ContactId == contactId).OrderByDescending(r => r.AtUtc).Take(PerKind)
                .Select(r => new Row { At = r.AtUtc, From = From.Reply, Code = (int)r.Kind, Code2 = -1, Text = "" }))
            .Concat(db.FollowUpTasks.Where(t => t.ContactId == contactId && t.DoneAtUtc != null).OrderByDescending(t => t.DoneAtUtc).Take(PerKind)
                .Select(t => new Row { At = t.DoneAtUtc!.Value, From = From.Task, Code = 0, Code2 = -1, Text = t.Title })));

    public static async Task<List<TimelineEntry>> LoadAsync(RapportDb db, int contactId)
    {
        var entries = new List<TimelineEntry>();
        await foreach (var row in Rows(db, contactId)) entries.Add(Entry(row));
        return [.. entries.OrderByDescending(e => e.AtUtc)];
    }

    private static TimelineEntry Entry(Row row) => row.From switch
    {
        From.Event => new TimelineEntry(row.At, ((ContactEventKind)row.Code).ToString(), row.Text),
        From.Stage => new TimelineEntry(row.At, "Conversation", row.Code2 >= 0
            ? $"Conversation {Labels.Of((ConversationStage)row.Code2).ToLowerInvariant()} → {Labels.Of((ConversationStage)row.Code).ToLowerInvariant()}"
            : $"Conversation planned ({Labels.Of((ConversationStage)row.Code).ToLowerInvariant()})"),
        From.Message => new TimelineEntry(row.At, "Message",
            $"{Labels.Of((TemplatePurpose)row.Code)} sent ({Labels.Of((Channel)row.Code2).ToLowerInvariant()})", row.Text),
        From.Reply => new TimelineEntry(row.At, "Reply", Labels.Of((ReplyKind)row.Code)),
        _ => new TimelineEntry(row.At, "Task", $"Done: {row.Text}"),
    };
}
