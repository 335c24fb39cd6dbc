namespace Rapport.Domain;

public class ContactTag : IOwned
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public string Name { get; set; } = "";
    public string NormalizedName { get; set; } = "";

    public static ContactTag Named(string name) => new() { Name = name.Trim(), NormalizedName = Folding.Fold(name) };
}
