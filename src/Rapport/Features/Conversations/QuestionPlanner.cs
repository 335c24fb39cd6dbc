using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>Gathers every question the person could ask in a conversation (the bank minus what they
/// hid, their own, and their open questions about its fields) and proposes a tailored list.</summary>
public sealed class QuestionPlanner(RapportDb db)
{
    public async Task<IReadOnlyList<QuestionCandidate>> CandidatesAsync(IReadOnlyCollection<int> fieldIds)
    {
        var hidden = (await db.HiddenQuestions.AsNoTracking().Select(h => h.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var own = await db.OwnQuestions.AsNoTracking().OrderBy(q => q.Id).ToListAsync();
        var open = await db.OpenQuestions.AsNoTracking()
            .Where(q => fieldIds.Contains(q.CareerFieldId) && q.AnsweredAtUtc == null).OrderBy(q => q.Id).ToListAsync();
        return Candidates(open.Select(q => Open(q.Id, q.Text)), own.Select(q => Own(q.Id, q.Text, q.Part, q.Goals, q.NeedsOrganization)), hidden);
    }

    /// <summary>The candidates in the order they are offered: the open questions of the fields (unanswered,
    /// oldest first), the person's own, then the bank without what they hid.</summary>
    public static IReadOnlyList<QuestionCandidate> Candidates(IEnumerable<QuestionCandidate> open, IEnumerable<QuestionCandidate> own, IReadOnlySet<string> hidden) =>
    [
        .. open,
        .. own,
        .. QuestionBank.BuiltIn.Where(q => !hidden.Contains(q.Key))
            .Select(q => new QuestionCandidate($"bank:{q.Key}", q.Text, q.Part, q.Goals, q.NeedsOrganization, false, false)),
    ];

    public static QuestionCandidate Open(int id, string text) => new($"open:{id}", text, ConversationPart.Insights, ConversationGoal.None, false, true, true);

    public static QuestionCandidate Own(int id, string text, ConversationPart part, ConversationGoal goals, bool needsOrganization) =>
        new($"own:{id}", text, part, goals, needsOrganization, false, true);

    /// <summary>Replaces a conversation's list with the proposal for its goals, fields and organization.</summary>
    public async Task ProposeAsync(Conversation conversation)
    {
        var candidates = await CandidatesAsync(conversation.Fields.Select(f => f.CareerFieldId).ToList());
        var list = QuestionTailoring.Propose(candidates, conversation.Goals, conversation.OrganizationId is not null || conversation.Organization is not null);
        conversation.Questions.Clear();
        var position = 0;
        foreach (var question in list.Questions) conversation.Questions.Add(ToListed(question, position++));
    }

    public static ConversationQuestion ToListed(QuestionCandidate candidate, int position) => new()
    {
        Source = candidate.Key,
        Text = candidate.Text,
        Part = candidate.Part,
        Position = position,
        OpenQuestionId = candidate.IsOpenQuestion && int.TryParse(candidate.Key.AsSpan(5), out var id) ? id : null,
    };
}
