namespace Rapport.Domain;

/// <summary>What a duplicate check needs to know of a contact: folded keys only.</summary>
public sealed record DuplicateKeys(int Id, string NameKey, string? OrganizationKey, string? LinkedInUrl, IReadOnlyList<string> Emails);
