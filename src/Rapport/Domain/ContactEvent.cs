namespace Rapport.Domain;

/// <summary>One entry on a contact's timeline.</summary>
public class ContactEvent : IOwned
{
    public const int TextMaxLength = 1_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public ContactEventKind Kind { get; set; }
    public string Text { get; set; } = "";
}
