namespace Rapport.Domain;

/// <summary>A page the person found useful while researching a field.</summary>
public class CareerFieldLink : IOwned
{
    public const int UrlMaxLength = 2_000;
    public const int LabelMaxLength = 200;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int CareerFieldId { get; set; }
    public string Url { get; set; } = "";
    public string? Label { get; set; }
}
