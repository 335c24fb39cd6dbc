namespace Rapport.Domain;

/// <summary>Each change of stage, kept with its time.</summary>
public class StageChange : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public ConversationStage? From { get; set; }
    public ConversationStage To { get; set; }
    public DateTime AtUtc { get; set; }
}
