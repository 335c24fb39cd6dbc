namespace Rapport.Domain;

/// <summary>Sorts contacts by how they answered, counting business days the way the follow-up rules
/// do (a request sent after noon counts from the next business day), so "quick" means "before the
/// nudge would have come".</summary>
public static class ReplySpeed
{
    /// <param name="firstRequestUtc">When the first request to the contact was sent.</param>
    /// <param name="firstAnswerUtc">Their first yes or no at or after it; null when none.</param>
    /// <param name="loggedNoReply">Whether the person logged "no reply" for them.</param>
    public static Responsiveness Classify(DateTime firstRequestUtc, DateTime? firstAnswerUtc, bool loggedNoReply,
        DateTime nowUtc, TimeZoneInfo zone, FollowUpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(policy);
        if (firstAnswerUtc is DateTime answered)
        {
            var mark = BusinessDays.DueDate(firstRequestUtc, policy.NudgeBusinessDays, zone);
            return BusinessDays.LocalDate(answered, zone) <= mark ? Responsiveness.Quick : Responsiveness.Late;
        }
        if (loggedNoReply) return Responsiveness.Never;
        var followUpDay = BusinessDays.DueDate(firstRequestUtc, policy.FollowUpBusinessDays, zone);
        return BusinessDays.LocalDate(nowUtc, zone) > followUpDay ? Responsiveness.Never : Responsiveness.Waiting;
    }

    /// <summary>Counts per group (how the person knows them), largest group first, then by name.</summary>
    public static IReadOnlyList<ResponseTally> Tally(IEnumerable<(string Group, Responsiveness Speed)> contacts) =>
        contacts.GroupBy(c => c.Group, StringComparer.Ordinal)
            .Select(g => new ResponseTally(g.Key,
                g.Count(c => c.Speed == Responsiveness.Quick),
                g.Count(c => c.Speed == Responsiveness.Late),
                g.Count(c => c.Speed == Responsiveness.Never),
                g.Count(c => c.Speed == Responsiveness.Waiting)))
            .OrderByDescending(t => t.Asked).ThenBy(t => t.Group, StringComparer.Ordinal)
            .ToList();
}
