namespace Rapport.Domain;

public sealed record ConversationFacts(int Id, int ContactId, ConversationStage Stage, DateTime? MeetingEndUtc, bool ThankYouSent);
