namespace Rapport.Domain;

/// <summary>Who could introduce the person at an organization, strongest first. A path is someone who works there
/// now or worked there before. The order, each step breaking the ties of the one before:
/// 1. how well the person knows them: a held conversation, then a reply, then a name in the contacts;
/// 2. working there now before having worked there;
/// 3. having referred the person to someone before (they have opened a door once);
/// 4. having gone to the person's school;
/// 5. the latest held conversation or reply, most recent first (none last);
/// 6. the name, then the contact's id, so the order never changes between views.</summary>
public static class WarmPaths
{
    public static IReadOnlyList<WarmPath> Rank(IEnumerable<WarmCandidate> candidates, string? yourSchool) => candidates
        .Where(c => c.WorksThere || c.FormerJob is not null)
        .Select(c => (Candidate: c, Path: PathOf(c, yourSchool)))
        .OrderByDescending(x => x.Path.Tie)
        .ThenByDescending(x => x.Candidate.WorksThere)
        .ThenByDescending(x => x.Candidate.ReferredTo.Count > 0)
        .ThenByDescending(x => x.Path.Reasons.Any(r => r.Kind == WarmReasonKind.SameSchool))
        .ThenByDescending(x => Latest(x.Candidate.LastHeldUtc, x.Candidate.LastReplyUtc) ?? DateTime.MinValue)
        .ThenBy(x => x.Candidate.Name, StringComparer.OrdinalIgnoreCase)
        .ThenBy(x => x.Candidate.ContactId)
        .Select(x => x.Path)
        .ToList();

    public static WarmTie TieOf(WarmCandidate c) =>
        c.LastHeldUtc is not null ? WarmTie.HeldConversation : c.LastReplyUtc is not null ? WarmTie.Replied : WarmTie.Connection;

    private static WarmPath PathOf(WarmCandidate c, string? yourSchool)
    {
        var tie = TieOf(c);
        var reasons = new List<WarmReason>
        {
            tie switch
            {
                WarmTie.HeldConversation => new WarmReason(WarmReasonKind.HeldConversation, c.LastHeldUtc),
                WarmTie.Replied => new WarmReason(WarmReasonKind.Replied, c.LastReplyUtc),
                _ => new WarmReason(WarmReasonKind.Connection, c.ConnectedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            },
        };
        if (c.WorksThere) reasons.Add(new WarmReason(WarmReasonKind.WorksThere, Title: c.Title));
        if (c.FormerJob is { } job) reasons.Add(new WarmReason(WarmReasonKind.WorkedThere, job.LeftByUtc, job.Organization, job.Title));
        foreach (var name in c.ReferredTo) reasons.Add(new WarmReason(WarmReasonKind.ReferredYou, Detail: name));
        if (SchoolMatch.Same(yourSchool, c.AlumniOf)) reasons.Add(new WarmReason(WarmReasonKind.SameSchool, Detail: c.AlumniOf!.Trim()));
        return new WarmPath(c.ContactId, c.Name, tie, c.WorksThere, reasons);
    }

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
