namespace Rapport.Domain;

/// <summary>The parts of a conversation, in the order coaches recommend asking them.</summary>
public enum ConversationPart
{
    Trends = 1,
    Insights = 2,
    Advice = 3,
    Resources = 4,
    NextSteps = 5,
}
