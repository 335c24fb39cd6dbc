using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>Moves a conversation to another stage when the rules allow it, keeping the change with its
/// time, and noting reopenings on the contact's timeline.</summary>
public sealed class ConversationStageService(RapportDb db, TimeProvider clock)
{
    public StageMove Move(Conversation conversation, ConversationStage to)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var check = ConversationStages.Check(conversation.Stage, to, conversation.MeetingStartUtc, now);
        if (!check.Allowed) return check;
        db.StageChanges.Add(new StageChange { ConversationId = conversation.Id, From = conversation.Stage, To = to, AtUtc = now });
        conversation.Stage = to;
        conversation.StageChangedAtUtc = now;
        if (to == ConversationStage.Held) conversation.EndedAtUtc ??= now;
        return check;
    }

    /// <summary>The first entry of a new conversation's history.</summary>
    public void Start(Conversation conversation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        conversation.StageChangedAtUtc = now;
        conversation.StageChanges.Add(new StageChange { From = null, To = conversation.Stage, AtUtc = now });
    }
}
