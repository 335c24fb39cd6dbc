namespace Rapport.Domain;

/// <summary>The values an <see cref="Organization"/> may hold, whoever writes it (its form, a restore, an
/// import): each check returns the message, or null when the value is fine.</summary>
public static class OrganizationChecks
{
    public const string WebsiteMessage = "Enter a web address like https://example.com.";

    public static string? Website(string? website) => website is null || WebAddress.IsWebLink(website) ? null : WebsiteMessage;

    public static string? Motivation(int? score) => TargetList.IsValidMotivation(score) ? null : "Motivation is scored 0 to 3.";

    public static string? Postings(int? score) => TargetList.IsValidPostings(score) ? null : "Postings are scored 1 to 3.";

    public static IEnumerable<ValueProblem> Of(Organization organization)
    {
        if (Website(organization.Website) is { } website) yield return new(nameof(Organization.Website), website);
        if (Motivation(organization.Motivation) is { } motivation) yield return new(nameof(Organization.Motivation), motivation);
        if (Postings(organization.Postings) is { } postings) yield return new(nameof(Organization.Postings), postings);
    }
}
