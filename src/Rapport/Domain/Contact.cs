namespace Rapport.Domain;

/// <summary>A person the user may talk to. Thin for now: later issues add sources, referrals and fields.</summary>
public class Contact : IOwned, ITimestamped
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int OrganizationMaxLength = 200;
    public const int NotesMaxLength = 20_000;
    public const int SearchKeyMaxLength = 700;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Organization { get; set; }
    public string? Notes { get; set; }

    /// <summary>Name, organization and email folded by <see cref="SearchText"/>, so search ignores
    /// case and accents the same way on SQLite and PostgreSQL.</summary>
    public string SearchKey { get; private set; } = "";

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public void RefreshSearchKey() =>
        SearchKey = SearchText.Truncate(SearchText.Fold($"{Name} {Organization} {Email}"), SearchKeyMaxLength);
}
