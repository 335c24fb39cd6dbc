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
