namespace Rapport.Domain;

/// <summary>How the search turned out; it starts the close-the-loop tasks.</summary>
public class SearchOutcome : IOwned
{
    public const int TextMaxLength = 1_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public OutcomeKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}
