namespace Rapport.Domain;

/// <summary>Something the person said they would send or do for the contact.</summary>
public class Promise : IOwned
{
    public const int TextMaxLength = 500;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
}
