namespace Rapport.Domain;

/// <summary>One message to a contact, as the person sent it themselves (Rapport never sends to contacts).</summary>
public class OutreachAttempt : IOwned
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 10_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public int? ConversationId { get; set; }
    public Channel Channel { get; set; }
    public TemplatePurpose Purpose { get; set; }
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public DateTime SentAtUtc { get; set; }
}
