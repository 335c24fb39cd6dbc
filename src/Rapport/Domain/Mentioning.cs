namespace Rapport.Domain;

/// <summary>What the referrer said about being mentioned, told as who said what ("María agreed to be mentioned"),
/// so it cannot be read as the referred person's permission.</summary>
public static class Mentioning
{
    public static string Said(NameUse use, string referrer) => use switch
    {
        NameUse.Yes => $"{referrer} agreed to be mentioned",
        NameUse.No => $"{referrer} asked not to be mentioned",
        _ => $"not yet asked if {referrer} may be mentioned",
    };
}
