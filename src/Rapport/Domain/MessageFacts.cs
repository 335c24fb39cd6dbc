namespace Rapport.Domain;

/// <summary>What a message check needs besides the text: the kind of message, who it is to, the time,
/// when the thank-you is due (null when there was no meeting) and what was promised.</summary>
public sealed record MessageFacts(TemplatePurpose Purpose, string? ContactFirstName, DateTime NowUtc,
    DateTime? ThankYouDueUtc = null, int ThankYouHours = 48, string? PromiseText = null);
