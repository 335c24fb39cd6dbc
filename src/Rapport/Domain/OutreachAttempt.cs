namespace Rapport.Domain;

/// <summary>One message to a contact, as the person sent it themselves (Rapport never sends to contacts).</summary>
public class OutreachAttempt : IOwned
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 10_000;
    public const int TemplateKeyMaxLength = 100;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public int? ConversationId { get; set; }
    public Channel Channel { get; set; }
    public TemplatePurpose Purpose { get; set; }
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public DateTime SentAtUtc { get; set; }

    /// <summary>The template the message was written from ("built-in:key" or "own:id"), so the person can see which
    /// ones get answers; null for a message logged without one, and for every message logged before it was kept.</summary>
    public string? TemplateKey { get; set; }
}
