namespace Rapport.Domain;

/// <summary>A job a contact held before: noticed when an import found them somewhere new. It is what lets
/// "who can introduce me at X" find people who used to work at X.</summary>
public class PastPosition : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The organization as the source wrote it.</summary>
    public string OrganizationName { get; set; } = "";

    /// <summary><see cref="Organization.Normalize"/> of the name: equal to an organization's
    /// <see cref="Organization.NormalizedName"/> when it is the same place.</summary>
    public string OrganizationKey { get; set; } = "";

    public string? Title { get; set; }

    /// <summary>When the move was noticed: they had left by then.</summary>
    public DateTime LeftByUtc { get; set; }

    public static PastPosition At(string organization, string? title, DateTime leftByUtc)
    {
        var name = Folding.Truncate(organization.Trim(), Organization.NameMaxLength);
        return new PastPosition
        {
            OrganizationName = name,
            OrganizationKey = Organization.Normalize(name),
            Title = string.IsNullOrWhiteSpace(title) ? null : Folding.Truncate(title.Trim(), Contact.TitleMaxLength),
            LeftByUtc = leftByUtc,
        };
    }
}
