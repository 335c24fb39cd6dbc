namespace Rapport.Domain;

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
