namespace Rapport.Domain;

public sealed record ReplyFacts(int ConversationId, DateTime AtUtc, ReplyKind Kind);
