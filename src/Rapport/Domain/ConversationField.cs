namespace Rapport.Domain;

public class ConversationField : IOwned
{
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public int CareerFieldId { get; set; }
    public CareerField? CareerField { get; set; }
}
