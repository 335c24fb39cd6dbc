namespace Rapport.Domain;

/// <summary>One reason shown beside a warm path: its kind, the day it happened (if it has one), and what it names
/// (a school, an organization, a person).</summary>
public sealed record WarmReason(WarmReasonKind Kind, DateTime? AtUtc = null, string? Detail = null, string? Title = null)
{
    /// <summary>The sentence shown, with dates written by <paramref name="date"/> (the person's own date style).
    /// Contacts have no recorded pronouns, so the sentences name none.</summary>
    public string Text(Func<DateTime, string> date) => Kind switch
    {
        WarmReasonKind.HeldConversation => $"You held a conversation on {date(AtUtc!.Value)}",
        WarmReasonKind.Replied => $"Replied to your request on {date(AtUtc!.Value)}",
        WarmReasonKind.Connection => AtUtc is { } since ? $"In your contacts, connected since {since.Year}" : "In your contacts",
        WarmReasonKind.WorksThere => Title is null ? "Works there now" : $"Works there now as {Title}",
        WarmReasonKind.WorkedThere => $"Worked at {Detail}{(Title is null ? "" : " as " + Title)} until {AtUtc!.Value.Year}",
        WarmReasonKind.SameSchool => $"Studied at your school, {Detail}",
        WarmReasonKind.ReferredYou => $"Referred you to {Detail}",
        _ => Kind.ToString(),
    };
}
