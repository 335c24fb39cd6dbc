namespace Rapport.Domain;

public class OrganizationField : IOwned
{
    public string OwnerId { get; set; } = "";
    public int OrganizationId { get; set; }
    public int CareerFieldId { get; set; }
    public CareerField? CareerField { get; set; }
}
