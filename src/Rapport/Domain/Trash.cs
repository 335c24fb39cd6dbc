namespace Rapport.Domain;

/// <summary>How long deleted contacts and conversations wait in the trash before they are removed for good.</summary>
public static class Trash
{
    public const int KeptDays = 30;

    /// <summary>Items deleted before this moment have had their 30 days.</summary>
    public static DateTime ExpiredBefore(DateTime nowUtc) => nowUtc.AddDays(-KeptDays);

    /// <summary>Whole days left before removal, counted down from 30; 0 on the last day.</summary>
    public static int DaysLeft(DateTime deletedAtUtc, DateTime nowUtc)
    {
        var left = deletedAtUtc.AddDays(KeptDays) - nowUtc;
        return left <= TimeSpan.Zero ? 0 : (int)Math.Floor(left.TotalDays);
    }
}
