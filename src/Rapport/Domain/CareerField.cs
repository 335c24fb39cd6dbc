namespace Rapport.Domain;

/// <summary>A career field or occupation the person is learning about.</summary>
public class CareerField : IOwned, ITimestamped, IVersioned
{
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 2_000;
    public const int NotesMaxLength = 20_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;
    public string Name { get; set; } = "";
    public string NormalizedName { get; set; } = "";
    public string? Description { get; set; }
    public CareerFieldStatus Status { get; set; } = CareerFieldStatus.Exploring;
    public string? Notes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<CareerFieldLink> Links { get; set; } = [];
    public List<OpenQuestion> OpenQuestions { get; set; } = [];

    public void Rename(string name)
    {
        Name = name.Trim();
        NormalizedName = Folding.Fold(Name);
    }
}
