namespace Rapport.Domain;

/// <summary>A question that could go into an interview plan. Key is "bank:&lt;key&gt;" for built-ins,
/// "own:&lt;id&gt;" for the person's own questions and "open:&lt;id&gt;" for their open questions about the
/// conversation's career fields.</summary>
public sealed record QuestionCandidate(
    string Key,
    string Text,
    ConversationPart Part,
    ConversationGoal Goals,
    bool NeedsOrganization,
    bool IsOpenQuestion,
    bool IsOwn);
