using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>One conversation as its page shows it: the meeting and the reflection, the messages and replies
/// as one timeline, the stage changes, the people it led to and the promises made. Two queries whatever the
/// size of the account (the conversation; a UNION of everything that hangs off it), and a third for the
/// meetings it overlaps when it has a time.</summary>
public sealed record ConversationPage(
    ConversationPage.Facts Conversation,
    IReadOnlyList<ConversationPage.Entry> Messages,
    IReadOnlyList<ConversationPage.Entry> Stages,
    IReadOnlyList<ConversationPage.Referred> Referrals,
    IReadOnlyList<ConversationPage.Promised> Promises,
    IReadOnlyList<ConversationRow> Overlaps,
    ConversationStage? UndoesTo)
{
    /// <summary>The SQL commands a view of the page sends at most, the sign-in check included: the tests and
    /// the benchmark hold the page to it.</summary>
    public const int SqlCommands = 5;

    public sealed record Facts(
        int Id, int ContactId, string ContactFirstName, string? ContactLastName, string? OrganizationName, ConversationStage Stage,
        DateTime? MeetingStartUtc, int DurationMinutes, MeetingMode? Mode, string TimeZoneId, string? Place, string? VideoLink,
        string? Learned, int? FitRating, string? FitNote)
    {
        public string ContactName => string.IsNullOrEmpty(ContactLastName) ? ContactFirstName : $"{ContactFirstName} {ContactLastName}";
    }

    /// <summary>One line of a timeline; <see cref="Body"/> is the text of a message sent.</summary>
    public sealed record Entry(DateTime AtUtc, string Text, string? Body = null);

    public sealed record Referred(int ContactId, string Name, NameUse MayUseName);

    public sealed record Promised(int Id, string Text, bool Done);

    private enum Part { Stage, Message, Reply, Referral, Promise }

    // Marks a stage row that undid the one before it.
    private const string Undone = "undo";

    // The common shape of the five parts, set by initializers so EF can put a UNION over it, without NULL
    // literals (see People/ContactTimeline). Code and Code2 carry each part's kinds (-1: none).
    private sealed class Row
    {
        public Part Part { get; init; }
        public int Id { get; init; }
        public DateTime At { get; init; }
        public int Code { get; init; }
        public int Code2 { get; init; }
        public string Text { get; init; } = "";
    }

    // Compiled once: the page runs these on every view.
    private static readonly Func<RapportDb, int, Task<Facts?>> Find = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => new Facts(
                c.Id, c.ContactId, c.Contact!.FirstName, c.Contact.LastName, c.Organization == null ? null : c.Organization.Name, c.Stage,
                c.MeetingStartUtc, c.DurationMinutes, c.Mode, c.TimeZoneId, c.Place, c.VideoLink, c.Learned, c.FitRating, c.FitNote))
            .FirstOrDefault());

    private static readonly Func<RapportDb, int, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.StageChanges.AsNoTracking().Where(s => s.ConversationId == id)
            .Select(s => new Row { Part = Part.Stage, Id = s.Id, At = s.AtUtc, Code = (int)s.To, Code2 = s.From == null ? -1 : (int)s.From, Text = s.IsUndo ? Undone : "" })
            .Concat(db.OutreachAttempts.Where(a => a.ConversationId == id)
                .Select(a => new Row { Part = Part.Message, Id = a.Id, At = a.SentAtUtc, Code = (int)a.Purpose, Code2 = (int)a.Channel, Text = a.Body }))
            .Concat(db.Replies.Where(r => r.ConversationId == id)
                .Select(r => new Row { Part = Part.Reply, Id = r.Id, At = r.AtUtc, Code = (int)r.Kind, Code2 = -1, Text = "" }))
            .Concat(db.Referrals.Where(r => r.ConversationId == id)
                .Select(r => new Row
                {
                    Part = Part.Referral, Id = r.ContactId, At = r.CreatedAtUtc, Code = (int)r.MayUseName, Code2 = r.Id,
                    Text = Contact.FullNameOf(r.Contact!.FirstName, r.Contact.LastName),
                }))
            .Concat(db.Promises.Where(p => p.ConversationId == id)
                .Select(p => new Row { Part = Part.Promise, Id = p.Id, At = p.CreatedAtUtc, Code = p.DoneAtUtc == null ? 0 : 1, Code2 = -1, Text = p.Text })));

    public static async Task<ConversationPage?> LoadAsync(RapportDb db, int id)
    {
        var conversation = await Find(db, id);
        if (conversation is null) return null;
        var rows = new List<Row>();
        await foreach (var row in Rows(db, id)) rows.Add(row);
        var overlaps = conversation.MeetingStartUtc is DateTime start
            ? await ConversationQueries.OverlapsAsync(db, id, start, conversation.DurationMinutes)
            : [];
        var stages = rows.Where(r => r.Part == Part.Stage).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToList();
        return new ConversationPage(conversation,
            // Newest first; at the same moment a message comes before the reply to it.
            rows.Where(r => r.Part is Part.Message or Part.Reply).OrderByDescending(r => r.At).ThenBy(r => r.Part).ThenByDescending(r => r.Id)
                .Select(r => r.Part == Part.Message
                    ? new Entry(r.At, $"{Labels.Of((TemplatePurpose)r.Code)} sent ({Labels.Of((Channel)r.Code2).ToLowerInvariant()})", r.Text)
                    : new Entry(r.At, Labels.Of((ReplyKind)r.Code)))
                .ToList(),
            stages.Select(r => new Entry(r.At, r.Code2 < 0
                    ? "Planned as " + Labels.Of((ConversationStage)r.Code).ToLowerInvariant()
                    : r.Text == Undone
                        ? "Undone: back to " + Labels.Of((ConversationStage)r.Code).ToLowerInvariant()
                        : Labels.Of((ConversationStage)r.Code2) + " → " + Labels.Of((ConversationStage)r.Code)))
                .ToList(),
            rows.Where(r => r.Part == Part.Referral).OrderBy(r => r.Code2).Select(r => new Referred(r.Id, r.Text, (NameUse)r.Code)).ToList(),
            rows.Where(r => r.Part == Part.Promise).OrderBy(r => r.Id).Select(r => new Promised(r.Id, r.Text, r.Code == 1)).ToList(),
            overlaps,
            // Only the latest move can be undone, and an undo itself cannot.
            stages.FirstOrDefault() is { } last && ConversationStages.Undoable(last.Code2 < 0 ? null : (ConversationStage)last.Code2, last.Text == Undone)
                ? (ConversationStage)last.Code2 : null);
    }
}
