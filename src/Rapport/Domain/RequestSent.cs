namespace Rapport.Domain;

// The facts the follow-up rules read. Every DateTime is UTC whatever its Kind.
public sealed record RequestSent(int AttemptId, int ConversationId, int ContactId, int? OrganizationId, DateTime SentUtc);
