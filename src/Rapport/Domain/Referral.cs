namespace Rapport.Domain;

/// <summary>A person the contact suggested talking to, captured in a conversation.</summary>
public class Referral : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }
    public NameUse MayUseName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
