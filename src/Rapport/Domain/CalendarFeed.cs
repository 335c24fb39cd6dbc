namespace Rapport.Domain;

/// <summary>The person's private calendar feed. Only a hash of the token is kept; the token itself is
/// shown once, when made.</summary>
public class CalendarFeed : IOwned
{
    public const string TokenPrefix = "rpcal_";

    public string OwnerId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public bool IncludeDetails { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
