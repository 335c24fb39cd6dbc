namespace Rapport.Domain;

public sealed record ReferralFacts(int Id, int ConversationId, int ReferrerContactId, int ReferredContactId, bool ReferredConversationHeld);
