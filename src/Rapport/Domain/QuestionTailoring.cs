using System.Numerics;

namespace Rapport.Domain;

/// <summary>Proposes a short, prioritized list of questions for one conversation, the way the guides
/// advise: tailored to the person's goals and to the contact, 5 to 10 of them, most important first.</summary>
public static class QuestionTailoring
{
    public const int FewestRecommended = 5;
    public const int MostRecommended = 10;
    public const int Proposed = 8;

    public static TailoredList Propose(
        IEnumerable<QuestionCandidate> candidates,
        ConversationGoal goals,
        bool hasOrganization,
        int count = Proposed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (count <= 0)
            return new TailoredList([], AdviceFor(0));

        var usable = candidates
            .Where(c => hasOrganization || !c.NeedsOrganization)
            .DistinctBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

        // The person's open questions are why they wanted the meeting, so they lead; capped at half so
        // prepared questions still fit. Those over the cap stay with their career field, not in this list.
        var open = usable.Where(c => c.IsOpenQuestion).Take(count / 2).ToList();

        var ranked = usable
            .Where(c => !c.IsOpenQuestion)
            .Select((candidate, index) => (candidate, index))
            .OrderByDescending(x => SharedGoals(x.candidate.Goals, goals))
            .ThenByDescending(x => goals != ConversationGoal.None && x.candidate.IsOwn)
            .ThenBy(x => x.index)
            .Select(x => x.candidate)
            .ToList();

        var chosen = ranked.Take(count - open.Count).ToList();

        // Every guide says to leave with names of other people to meet, whatever the goals were.
        var referral = ranked.FirstOrDefault(IsReferral);
        if (referral is not null && chosen.Count > 0 && !chosen.Any(IsReferral) && !open.Any(IsReferral))
            chosen[^1] = referral;

        // OrderBy is stable, so within a part the ranking decides.
        var questions = open.Concat(chosen.OrderBy(c => c.Part)).ToList();
        return new TailoredList(questions, AdviceFor(questions.Count));
    }

    public static string? AdviceFor(int questionCount)
    {
        if (questionCount < FewestRecommended)
            return $"Most career guides suggest preparing {FewestRecommended} to {MostRecommended} questions. "
                + "Add a few more so the conversation doesn't stall.";
        if (questionCount > MostRecommended)
            return $"There may not be time for more than {MostRecommended} questions. "
                + "Keep the ones that matter most to you at the top.";
        return null;
    }

    /// <summary>Where a question the person adds goes: before the closing questions (the trailing "Next steps",
    /// such as who else to talk to), which stay last because the guides say to end on them.</summary>
    public static int AddedAt(IReadOnlyList<ConversationPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var at = parts.Count;
        while (at > 0 && parts[at - 1] == ConversationPart.NextSteps) at--;
        return at;
    }

    /// <summary>Moves one item up (offset -1) or down (+1). A move that would leave the list returns it unchanged.</summary>
    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> list, int index, int offset)
    {
        ArgumentNullException.ThrowIfNull(list);
        var target = (long)index + offset;
        if (offset == 0 || index < 0 || index >= list.Count || target < 0 || target >= list.Count)
            return list;

        var moved = list.ToList();
        var item = moved[index];
        moved.RemoveAt(index);
        moved.Insert((int)target, item);
        return moved;
    }

    private static bool IsReferral(QuestionCandidate candidate) =>
        candidate.Part == ConversationPart.NextSteps && candidate.Goals.HasFlag(ConversationGoal.GrowLocalNetwork);

    private static int SharedGoals(ConversationGoal candidate, ConversationGoal chosen) =>
        BitOperations.PopCount((uint)(candidate & chosen));
}
