using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>One conversation's preparation sheet as its page shows it: the conversation with its contact, its
/// organization and the person's introduction; its fields and question list; the checklist; the questions that
/// could be added. Two queries whatever the size of the account: the conversation, then one UNION of its
/// fields and questions and of what the question planner chooses from.</summary>
public sealed record PreparationSheet(
    PreparationSheet.Facts Conversation,
    IReadOnlyList<string> Fields,
    QuestionListView List,
    ChecklistView Checklist,
    IReadOnlyList<QuestionCandidate> Suggestions)
{
    /// <summary>The SQL commands a view of the page sends, the sign-in check included: the tests and the
    /// benchmark hold the page to it.</summary>
    public const int SqlCommands = 3;

    public sealed record Facts(
        int Id, int Version, int ContactId, string ContactFirstName, string? ContactLastName, string? ContactNotes,
        int? OrganizationId, string? OrganizationName, string? OrganizationNotes, ConversationStage Stage, DateTime? MeetingStartUtc,
        int DurationMinutes, ConversationGoal Goals, string? OwnGoals, string? ResearchNotes, string? SelfIntroduction)
    {
        public string ContactName => string.IsNullOrEmpty(ContactLastName) ? ContactFirstName : $"{ContactFirstName} {ContactLastName}";
    }

    private sealed record Header(Facts Facts, ChecklistView Checklist);

    private enum Part { Field, Question, Hidden, Own, Open }

    // The common shape of the five parts, set by initializers so EF can put a UNION over it, without NULL
    // literals (see People/ContactTimeline). Code, Code2 and Flag carry each part's numbers.
    private sealed class Row
    {
        public Part Part { get; init; }
        public int Id { get; init; }
        public int Code { get; init; }
        public int Code2 { get; init; }
        public int Flag { get; init; }
        public string Text { get; init; } = "";
        public string Text2 { get; init; } = "";
    }

    // Compiled once: the page runs these on every view.
    private static readonly Func<RapportDb, int, Task<Header?>> Find = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => new Header(
                new Facts(
                    c.Id, c.Version, c.ContactId, c.Contact!.FirstName, c.Contact.LastName, c.Contact.Notes,
                    c.OrganizationId, c.Organization == null ? null : c.Organization.Name, c.Organization == null ? null : c.Organization.Notes,
                    c.Stage, c.MeetingStartUtc, c.DurationMinutes, c.Goals, c.OwnGoals, c.ResearchNotes,
                    db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.SelfIntroduction).FirstOrDefault()),
                new ChecklistView(c.Id, c.Mode, c.DurationMinutes, c.RouteChecked, c.ResumeReady, c.ClothesReady, c.ArriveEarly)))
            .FirstOrDefault());

    private static readonly Func<RapportDb, int, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.ConversationFields.AsNoTracking().Where(f => f.ConversationId == id)
            .Select(f => new Row { Part = Part.Field, Id = f.CareerFieldId, Code = 0, Code2 = 0, Flag = 0, Text = f.CareerField!.Name, Text2 = "" })
            .Concat(db.ConversationQuestions.Where(q => q.ConversationId == id)
                .Select(q => new Row { Part = Part.Question, Id = q.Id, Code = (int)q.Part, Code2 = q.Position, Flag = 0, Text = q.Text, Text2 = q.Source }))
            .Concat(db.HiddenQuestions
                .Select(h => new Row { Part = Part.Hidden, Id = 0, Code = 0, Code2 = 0, Flag = 0, Text = h.Key, Text2 = "" }))
            .Concat(db.OwnQuestions
                .Select(q => new Row { Part = Part.Own, Id = q.Id, Code = (int)q.Part, Code2 = (int)q.Goals, Flag = q.NeedsOrganization ? 1 : 0, Text = q.Text, Text2 = "" }))
            .Concat(db.OpenQuestions
                .Where(q => q.AnsweredAtUtc == null && db.ConversationFields.Where(f => f.ConversationId == id).Select(f => f.CareerFieldId).Contains(q.CareerFieldId))
                .Select(q => new Row { Part = Part.Open, Id = q.Id, Code = 0, Code2 = 0, Flag = 0, Text = q.Text, Text2 = "" })));

    public static async Task<PreparationSheet?> LoadAsync(RapportDb db, int id)
    {
        var header = await Find(db, id);
        if (header is null) return null;
        var rows = new List<Row>();
        await foreach (var row in Rows(db, id)) rows.Add(row);
        var conversation = header.Facts;

        var listed = rows.Where(r => r.Part == Part.Question).OrderBy(r => r.Code2).ThenBy(r => r.Id)
            .Select(r => new ListedQuestion(r.Id, r.Text, (ConversationPart)r.Code, r.Text2)).ToList();
        var candidates = QuestionPlanner.Candidates(
            rows.Where(r => r.Part == Part.Open).OrderBy(r => r.Id).Select(r => QuestionPlanner.Open(r.Id, r.Text)),
            rows.Where(r => r.Part == Part.Own).OrderBy(r => r.Id)
                .Select(r => QuestionPlanner.Own(r.Id, r.Text, (ConversationPart)r.Code, (ConversationGoal)r.Code2, r.Flag == 1)),
            rows.Where(r => r.Part == Part.Hidden).Select(r => r.Text).ToHashSet(StringComparer.Ordinal));
        // What is not on the list yet, and needs no organization when the conversation has none.
        var taken = listed.Select(q => q.Source).ToHashSet(StringComparer.Ordinal);
        var suggestions = candidates.Where(c => !taken.Contains(c.Key) && (conversation.OrganizationId is not null || !c.NeedsOrganization)).ToList();

        return new PreparationSheet(conversation,
            rows.Where(r => r.Part == Part.Field).OrderBy(r => r.Id).Select(r => r.Text).ToList(),
            QuestionListView.Opening(conversation.Id, conversation.Version, listed),
            header.Checklist.Opening(conversation.Version),
            suggestions);
    }
}
