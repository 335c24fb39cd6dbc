namespace Rapport.Domain;

/// <summary>What came back after a request: accepted, declined, or nothing.</summary>
public class Reply : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public int ConversationId { get; set; }
    public ReplyKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
}
