namespace Rapport.Domain;

/// <summary>An employer on the target list, with the scores the person gave it.</summary>
public sealed record TargetEntry(int Id, string Name, int? Motivation, int? Postings, bool HasAdvocate);
