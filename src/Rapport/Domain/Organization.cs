namespace Rapport.Domain;

/// <summary>An employer or other organization the person researches, and where contacts work.</summary>
public class Organization : IOwned, ITimestamped, IVersioned
{
    public const int NameMaxLength = 200;
    public const int WebsiteMaxLength = 500;
    public const int CityMaxLength = 100;
    public const int NotesMaxLength = 20_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;
    public string Name { get; set; } = "";

    /// <summary>Case, accents and spacing folded: "Acme Corp" and "acme  corp" are one organization.</summary>
    public string NormalizedName { get; set; } = "";

    public string? Website { get; set; }
    public string? City { get; set; }
    public OrganizationStatus Status { get; set; }
    public string? Notes { get; set; }

    /// <summary>Target list scores (the "LAMP" way coaches teach): how much the person wants to work
    /// there (0-3), whether relevant postings exist (1-3), and whether someone there could advocate
    /// for them. Advocacy is read from the contacts there unless the person says otherwise.</summary>
    public int? Motivation { get; set; }
    public int? Postings { get; set; }
    public bool? AdvocateOverride { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<OrganizationField> Fields { get; set; } = [];

    public static string Normalize(string name) => Folding.Fold(name);

    public void Rename(string name)
    {
        Name = name.Trim();
        NormalizedName = Normalize(Name);
    }
}
