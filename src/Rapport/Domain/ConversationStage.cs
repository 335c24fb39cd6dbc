namespace Rapport.Domain;

/// <summary>Where one informational interview stands. The main line runs Idea to Closed; Declined,
/// NoReply and Cancelled are the side exits.</summary>
public enum ConversationStage
{
    Idea = 1,
    Requested = 2,
    Scheduled = 3,
    Held = 4,
    Thanked = 5,
    Closed = 6,
    Declined = 7,
    NoReply = 8,
    Cancelled = 9,
}
