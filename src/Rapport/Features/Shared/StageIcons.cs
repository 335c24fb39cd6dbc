using Rapport.Domain;

namespace Rapport.Features.Shared;

/// <summary>One icon per stage, the same on every badge, board column and chart (see <c>_Stage</c>).</summary>
public static class StageIcons
{
    public static string Of(ConversationStage stage) => stage switch
    {
        ConversationStage.Idea => "lightbulb",
        ConversationStage.Requested => "send",
        ConversationStage.Scheduled => "calendar-clock",
        ConversationStage.Held => "handshake",
        ConversationStage.Thanked => "heart",
        ConversationStage.Closed => "circle-check",
        ConversationStage.Declined => "circle-x",
        ConversationStage.NoReply => "hourglass",
        ConversationStage.Cancelled => "calendar-x",
        _ => "circle-check",
    };
}
