namespace Rapport.Domain;

/// <summary>Every secret token Rapport hands out starts with one of these, so a token is recognisable
/// wherever it turns up (a log, a pasted message) and the log redaction finds it by its prefix alone.
/// A new kind of token takes a new prefix here.</summary>
public static class TokenPrefixes
{
    /// <summary>The private calendar feed address.</summary>
    public const string CalendarFeed = Domain.CalendarFeed.TokenPrefix;

    /// <summary>API tokens (to come).</summary>
    public const string Api = "rap_";

    /// <summary>Invitation links (to come).</summary>
    public const string Invitation = "rinv_";

    public static IReadOnlyList<string> All { get; } = [CalendarFeed, Api, Invitation];
}
