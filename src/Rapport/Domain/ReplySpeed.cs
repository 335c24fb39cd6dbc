namespace Rapport.Domain;

/// <summary>How a contact answered the person's first request, so the person learns who responds.</summary>
public enum Responsiveness
{
    /// <summary>Asked, not answered, and the follow-up day has not passed.</summary>
    Waiting,
    /// <summary>Answered by the nudge mark (3 business days by default).</summary>
    Quick,
    /// <summary>Answered after the nudge mark.</summary>
    Late,
    /// <summary>No answer: logged as no reply, or still silent after the follow-up day.</summary>
    Never,
}

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

/// <summary>One group's answers; <see cref="AnsweredShare"/> counts quick and late answers among those
/// whose outcome is known (waiting ones are left out so a fresh batch of requests does not drag it down).</summary>
public sealed record ResponseTally(string Group, int Quick, int Late, int Never, int Waiting)
{
    public int Asked => Quick + Late + Never + Waiting;

    public int? AnsweredShare => Quick + Late + Never == 0 ? null : (int)Math.Round(100.0 * (Quick + Late) / (Quick + Late + Never), MidpointRounding.AwayFromZero);
}
