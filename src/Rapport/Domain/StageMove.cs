namespace Rapport.Domain;

/// <summary>Whether a stage change may happen; Reason says why not, in the person's words.</summary>
public sealed record StageMove(bool Allowed, string? Reason);
