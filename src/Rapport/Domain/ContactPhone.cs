namespace Rapport.Domain;

public class ContactPhone : IOwned
{
    public const int NumberMaxLength = 50;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public string Number { get; set; } = "";
    public string? Label { get; set; }
}
