namespace Rapport.Domain;

/// <summary>What Rapport knows about one contact who might open a door at an organization: whether they work there
/// now, the job they held there before, their school, whom they referred the person to, and how well the person knows
/// them (the last held conversation, the last reply).</summary>
public sealed record WarmCandidate(
    int ContactId,
    string Name,
    string? Title,
    bool WorksThere,
    string? AlumniOf,
    DateTime? LastHeldUtc,
    DateTime? LastReplyUtc,
    DateOnly? ConnectedOn,
    WarmCandidate.JobThere? FormerJob,
    IReadOnlyList<string> ReferredTo)
{
    /// <summary>A job they left at the organization, and when the move was noticed.</summary>
    public sealed record JobThere(string Organization, string? Title, DateTime LeftByUtc);
}
