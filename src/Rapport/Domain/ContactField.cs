namespace Rapport.Domain;

/// <summary>A contact works in, or knows about, a career field.</summary>
public class ContactField : IOwned
{
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public int CareerFieldId { get; set; }
    public CareerField? CareerField { get; set; }
}
