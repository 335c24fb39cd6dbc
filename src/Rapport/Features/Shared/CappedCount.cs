namespace Rapport.Features.Shared;

/// <summary>Figures that count this far and then say "99+": counting 3,000 held conversations or overdue tasks reads
/// 3,000 rows on every view to print a number no one acts on, and makes the page cost more as the search grows.</summary>
public static class CappedCount
{
    public const int Cap = 99;

    /// <summary>How many rows a capped count reads at most: one past the cap, to know it was passed.</summary>
    public const int Read = Cap + 1;

    public static string Figure(int count) => count > Cap ? $"{Cap}+" : count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>How many of a capped <paramref name="total"/> are not among the <paramref name="shown"/>; null past the
    /// cap, where the rest is not known.</summary>
    public static int? Beyond(int total, int shown) => total > Cap ? null : total - shown;
}
