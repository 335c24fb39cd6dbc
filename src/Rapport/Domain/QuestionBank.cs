using System.Collections.Frozen;

namespace Rapport.Domain;

/// <summary>One question from the built-in bank. <paramref name="NeedsOrganization"/> marks questions
/// about the contact's own employer, which make no sense when no organization is known.</summary>
public sealed record BankQuestion(
    string Key,
    string Text,
    QuestionTheme Theme,
    ConversationPart Part,
    ConversationGoal Goals,
    bool NeedsOrganization);

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
