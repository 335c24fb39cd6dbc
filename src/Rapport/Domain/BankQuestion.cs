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
