namespace Rapport.Domain;

/// <summary>The person's follow-up settings; the defaults are the product's.</summary>
/// <param name="ThankYouHours">How long after a meeting the thank-you note is due (24..168).</param>
/// <param name="NudgeBusinessDays">When an unanswered request prompts reaching out to someone else too (1..30).</param>
/// <param name="FollowUpBusinessDays">When an unanswered request gets a follow-up (1..30).</param>
/// <param name="KeepInTouchDays">Keep-in-touch cadence after a conversation (30..365); null is off.</param>
/// <param name="KeepInTouchByTag">Folded tag name to cadence (30..365, or null for off) overriding the default
/// for contacts with that tag.</param>
/// <param name="WeeklyRequestGoal">New requests the person aims to send each week (0..50).</param>
public sealed record FollowUpPolicy(
    int ThankYouHours = 48,
    int NudgeBusinessDays = 3,
    int FollowUpBusinessDays = 7,
    int? KeepInTouchDays = 90,
    IReadOnlyDictionary<string, int?>? KeepInTouchByTag = null,
    int WeeklyRequestGoal = 3)
{
    public const int MinThankYouHours = 24;
    public const int MaxThankYouHours = 168;
    public const int MinBusinessDays = 1;
    public const int MaxBusinessDays = 30;
    public const int MinKeepInTouchDays = 30;
    public const int MaxKeepInTouchDays = 365;
    public const int MaxWeeklyRequestGoal = 50;

    public static FollowUpPolicy Default { get; } = new();

    /// <summary>What is out of range, in the person's words; empty when the policy can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ThankYouHours is < MinThankYouHours or > MaxThankYouHours)
            problems.Add("A thank-you note is due 24 hours to 7 days after a meeting.");
        if (NudgeBusinessDays is < MinBusinessDays or > MaxBusinessDays)
            problems.Add("The nudge to also reach out to someone else comes 1 to 30 business days after a request.");
        if (FollowUpBusinessDays is < MinBusinessDays or > MaxBusinessDays)
            problems.Add("A follow-up on an unanswered request comes 1 to 30 business days after it.");
        if (!IsCadence(KeepInTouchDays))
            problems.Add("Keeping in touch is every 30 to 365 days, or off.");
        // Sorted so the messages come in the same order every time.
        foreach (var (tag, days) in (KeepInTouchByTag ?? new Dictionary<string, int?>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!IsCadence(days))
                problems.Add($"Keeping in touch with people tagged \"{tag}\" is every 30 to 365 days, or off.");
        }
        if (WeeklyRequestGoal is < 0 or > MaxWeeklyRequestGoal)
            problems.Add("The weekly goal is 0 to 50 new requests.");
        return problems;
    }

    /// <summary>The keep-in-touch cadence in days for a contact with these folded tags, or null when off.
    /// Tags with a setting decide: the shortest cadence among them wins, and it is off only if all of them
    /// say off. With no such tag, <see cref="KeepInTouchDays"/> applies.</summary>
    public int? KeepInTouchFor(IEnumerable<string> foldedTags)
    {
        ArgumentNullException.ThrowIfNull(foldedTags);
        if (KeepInTouchByTag is not { Count: > 0 } byTag) return KeepInTouchDays;
        var matched = false;
        int? shortest = null;
        foreach (var tag in foldedTags)
        {
            if (!byTag.TryGetValue(tag, out var days)) continue;
            matched = true;
            if (days < (shortest ?? int.MaxValue)) shortest = days;
        }
        return matched ? shortest : KeepInTouchDays;
    }

    private static bool IsCadence(int? days) => days is null or (>= MinKeepInTouchDays and <= MaxKeepInTouchDays);
}
