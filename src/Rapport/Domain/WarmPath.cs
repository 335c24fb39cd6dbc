namespace Rapport.Domain;

/// <summary>One person who could introduce the person at an organization, with every reason, strongest first.</summary>
public sealed record WarmPath(int ContactId, string Name, WarmTie Tie, bool WorksThere, IReadOnlyList<WarmReason> Reasons);
