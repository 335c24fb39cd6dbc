namespace Rapport.Domain;

/// <summary>Ranks target employers the way job-search coaches teach (the "LAMP" list): first by how
/// much the person wants to work there, then by whether relevant postings exist, then by whether
/// they know someone there who could advocate for them. Unscored comes last; the top five are where
/// to start reaching out.</summary>
public static class TargetList
{
    public const int StartWith = 5;

    public static IReadOnlyList<TargetEntry> Rank(IEnumerable<TargetEntry> entries) => entries
        .OrderByDescending(e => e.Motivation ?? -1)
        .ThenByDescending(e => e.Postings ?? 0)
        .ThenByDescending(e => e.HasAdvocate)
        .ThenBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase)
        .ToList();

    public static bool IsValidMotivation(int? score) => score is null or (>= 0 and <= 3);

    public static bool IsValidPostings(int? score) => score is null or (>= 1 and <= 3);
}
