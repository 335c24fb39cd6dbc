namespace Rapport.Domain;

/// <summary>A keep-in-touch cadence for contacts with one tag (null days: off for them).</summary>
public class TagCadence : IOwned
{
    public string OwnerId { get; set; } = "";
    public string TagNormalizedName { get; set; } = "";
    public int? Days { get; set; }
}
