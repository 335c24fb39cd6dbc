namespace Rapport.Domain;

public sealed record PromiseFacts(int Id, int ConversationId, int ContactId, string Text, bool Done);
