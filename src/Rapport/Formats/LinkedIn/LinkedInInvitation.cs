namespace Rapport.Formats.LinkedIn;

/// <summary>One row of LinkedIn's Invitations.csv. Profile URLs are normalised (<see cref="LinkedInProfileUrl"/>),
/// null when empty or not a profile; <see cref="Message"/> is null for an invitation without a note.</summary>
public sealed record LinkedInInvitation(
    int Line, string From, string To, DateTime SentAtUtc, string? Message, bool Outgoing, string? InviterUrl, string? InviteeUrl);
