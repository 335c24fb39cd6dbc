namespace Rapport.Formats.LinkedIn;

/// <summary>One row of LinkedIn's messages.csv. <see cref="RecipientUrls"/> holds every recipient of a group
/// thread, normalised; names are as LinkedIn wrote them (possibly double-encoded, see <see cref="DoubleEncodedText"/>).</summary>
public sealed record LinkedInMessage(
    int Line, string ConversationId, string From, string? SenderUrl, string To, IReadOnlyList<string> RecipientUrls,
    DateTime SentAtUtc, string? Subject, string Content, string Folder)
{
    public const string SponsoredFolder = "SPONSORED_INBOX";

    public bool Sponsored => Folder.Equals(SponsoredFolder, StringComparison.OrdinalIgnoreCase);
}
