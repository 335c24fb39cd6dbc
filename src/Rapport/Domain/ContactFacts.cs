namespace Rapport.Domain;

public sealed record ContactFacts(int Id, string Name, int? OrganizationId, bool DoNotContact, IReadOnlyList<string> FoldedTags, DateTime? LastInteractionUtc, bool HadHeldConversation);
