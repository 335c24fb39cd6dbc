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

    public static string Label(QuestionTheme theme) => theme switch
    {
        QuestionTheme.DayToDay => "The work day to day",
        QuestionTheme.PathAndBackground => "Their path and background",
        QuestionTheme.SkillsAndCredentials => "Skills, education and credentials",
        QuestionTheme.TheOrganization => "The organization",
        QuestionTheme.TheFieldAhead => "The field and where it is going",
        QuestionTheme.AdviceForMe => "Advice for me",
        QuestionTheme.PeopleToMeet => "Other people to meet",
        QuestionTheme.BalanceAndCulture => "Balance and culture",
        _ => theme.ToString(),
    };

    public static string Label(ConversationPart part) => part switch
    {
        ConversationPart.Trends => "Trends",
        ConversationPart.Insights => "Insights",
        ConversationPart.Advice => "Advice",
        ConversationPart.Resources => "Resources",
        ConversationPart.NextSteps => "Next steps",
        _ => part.ToString(),
    };

    /// <summary>Single flags get their catalog words; a combination lists each of them, in catalog order.</summary>
    public static string Label(ConversationGoal goal) => goal switch
    {
        ConversationGoal.None => "No goal chosen",
        ConversationGoal.DecideFit => "Decide whether this field fits me",
        ConversationGoal.LearnTheWayIn => "Learn how people get in: education, credentials, experience",
        ConversationGoal.GrowLocalNetwork => "Grow my local network",
        ConversationGoal.FindLocalEmployers => "Find local employers",
        ConversationGoal.SizeUpEmployer => "Size up one employer",
        ConversationGoal.JobSearchIdeas => "Get ideas for my job search",
        ConversationGoal.PractiseIntroduction => "Practise talking about myself",
        _ => string.Join("; ", Goals.Where(g => goal.HasFlag(g)).Select(Label)),
    };

    // Nested so the index is built on first use, after the data in the other file is in place.
    private static class Index
    {
        public static readonly FrozenDictionary<string, BankQuestion> ByKey =
            BuiltIn.ToFrozenDictionary(q => q.Key, StringComparer.Ordinal);
    }
}
