namespace Rapport.Domain;

/// <summary>All of one person's facts at one moment; the rules read nothing else.</summary>
public sealed record FollowUpSnapshot(
    DateTime NowUtc, TimeZoneInfo Zone, FollowUpPolicy Policy,
    IReadOnlyList<ConversationFacts> Conversations, IReadOnlyList<RequestSent> Requests, IReadOnlyList<ReplyFacts> Replies,
    IReadOnlyList<PromiseFacts> Promises, IReadOnlyList<ReferralFacts> Referrals, IReadOnlyList<ContactFacts> Contacts,
    IReadOnlyList<OutcomeFacts> Outcomes);
