using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>Conversation mode as its page shows it: the conversation with its free notes and timer, the
/// questions in order with their notes, the people suggested and the promises made. Two queries whatever the
/// size of the account: the conversation, then one UNION of its questions, referrals and promises.</summary>
public sealed record ConversationMode(
    ConversationMode.Facts Conversation,
    IReadOnlyList<ConversationMode.Question> Questions,
    IReadOnlyList<ConversationMode.Referred> Referrals,
    IReadOnlyList<string> Promises)
{
    /// <summary>The SQL commands a view of the page sends, the sign-in check included: the tests and the
    /// benchmark hold the page to it.</summary>
    public const int SqlCommands = 3;

    public sealed record Facts(
        int Id, int Version, string ContactFirstName, string? ContactLastName, ConversationStage Stage, int DurationMinutes,
        DateTime? MeetingStartUtc, DateTime? StartedAtUtc, DateTime? EndedAtUtc, string? FreeNotes, bool? MayContactAgain)
    {
        public string ContactName => string.IsNullOrEmpty(ContactLastName) ? ContactFirstName : $"{ContactFirstName} {ContactLastName}";

        public MeetingTimer Timer(DateTime nowUtc) => MeetingTimer.Of(MeetingStartUtc, StartedAtUtc, EndedAtUtc, DurationMinutes, nowUtc);
    }

    public sealed record Question(int Id, string Text, string? Notes);

    public sealed record Referred(int ContactId, string Name, NameUse MayUseName);

    private enum Part { Question, Referral, Promise }

    // The common shape of the three parts, set by initializers so EF can put a UNION over it, without NULL
    // literals (see People/ContactTimeline). Order is each part's order; Code a referral's use of the name.
    private sealed class Row
    {
        public Part Part { get; init; }
        public int Id { get; init; }
        public int Order { get; init; }
        public int Code { get; init; }
        public string Text { get; init; } = "";
        public string? Notes { get; init; }
    }

    // Compiled once: the page runs these on every view.
    private static readonly Func<RapportDb, int, Task<Facts?>> Find = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => new Facts(
                c.Id, c.Version, c.Contact!.FirstName, c.Contact.LastName, c.Stage, c.DurationMinutes,
                c.MeetingStartUtc, c.StartedAtUtc, c.EndedAtUtc, c.FreeNotes, c.MayContactAgain))
            .FirstOrDefault());

    private static readonly Func<RapportDb, int, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.ConversationQuestions.AsNoTracking().Where(q => q.ConversationId == id)
            .Select(q => new Row { Part = Part.Question, Id = q.Id, Order = q.Position, Code = 0, Text = q.Text, Notes = q.Notes })
            .Concat(db.Referrals.Where(r => r.ConversationId == id)
                .Select(r => new Row
                {
                    Part = Part.Referral, Id = r.ContactId, Order = r.Id, Code = (int)r.MayUseName,
                    Text = Contact.FullNameOf(r.Contact!.FirstName, r.Contact.LastName), Notes = "",
                }))
            .Concat(db.Promises.Where(p => p.ConversationId == id)
                .Select(p => new Row { Part = Part.Promise, Id = p.Id, Order = p.Id, Code = 0, Text = p.Text, Notes = "" })));

    public static async Task<ConversationMode?> LoadAsync(RapportDb db, int id)
    {
        var conversation = await Find(db, id);
        if (conversation is null) return null;
        var rows = new List<Row>();
        await foreach (var row in Rows(db, id)) rows.Add(row);
        IEnumerable<Row> Of(Part part) => rows.Where(r => r.Part == part).OrderBy(r => r.Order).ThenBy(r => r.Id);
        return new ConversationMode(conversation,
            Of(Part.Question).Select(r => new Question(r.Id, r.Text, r.Notes)).ToList(),
            Of(Part.Referral).Select(r => new Referred(r.Id, r.Text, (NameUse)r.Code)).ToList(),
            Of(Part.Promise).Select(r => r.Text).ToList());
    }
}
