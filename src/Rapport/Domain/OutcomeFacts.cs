namespace Rapport.Domain;

public sealed record OutcomeFacts(int Id, DateTime RecordedUtc, IReadOnlyList<int> TalkedWithContactIds, IReadOnlyList<int> ReferrerContactIds);
