namespace Rapport.Domain;

/// <summary>Something that happened to an account that its owner may want to check: sign-ins, a
/// lockout, a password change, the calendar feed renewed, data taken out or brought in, an address
/// refused. Shown on Account activity; never holds a password, token, cookie or feed address.</summary>
public class AuditEvent : IOwned
{
    public const int DetailMaxLength = 200;
    public const int ClientAddressMaxLength = 45;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public AuditKind Kind { get; set; }
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }
}

/// <summary>Stored as numbers: never renumber. The names are the event names in the app log.</summary>
public enum AuditKind
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    PasswordChanged = 4,
    CalendarFeedIssued = 5,
    CalendarFeedTurnedOff = 6,
    Exported = 7,
    Imported = 8,
    AccessDenied = 9,
    SignedOut = 10,
}
