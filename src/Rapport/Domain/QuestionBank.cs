using System.Collections.Frozen;

namespace Rapport.Domain;

/// <summary>The questions Rapport starts everyone from, grouped by theme and tagged with the goals
/// they serve, and the words the person sees for themes, parts and goals.</summary>
public static partial class QuestionBank
{
    public static IReadOnlyList<ConversationGoal> Goals { get; } = Array.AsReadOnly<ConversationGoal>(
    [
        ConversationGoal.DecideFit,
        ConversationGoal.LearnTheWayIn,
        ConversationGoal.GrowLocalNetwork,
        ConversationGoal.FindLocalEmployers,
        ConversationGoal.SizeUpEmployer,
        ConversationGoal.JobSearchIdeas,
        ConversationGoal.PractiseIntroduction,
    ]);

    public static BankQuestion? Find(string key) =>
        key is not null && Index.ByKey.TryGetValue(key, out var question) ? question : null;

    // Nested so the index is built on first use, after the data in the other file is in place.
    private static class Index
    {
        public static readonly FrozenDictionary<string, BankQuestion> ByKey =
            BuiltIn.ToFrozenDictionary(q => q.Key, StringComparer.Ordinal);
    }
}
