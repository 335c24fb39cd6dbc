namespace Rapport.Features.Reminders;

/// <summary>How the connection to the mail server is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain text: only for a server on the same machine or network.</summary>
    None,

    /// <summary>Plain at first, then TLS before anything is said (usually port 587); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>The mail server Rapport sends through, bound from <c>Email</c>. Only the person's own
/// reminders, and the emails that finish a registration, are ever sent: Rapport never emails a contact.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect. Unset, it is StartTls when the older <see cref="EnableSsl"/> is true
    /// (what it meant), and None otherwise.</summary>
    public MailSecurity? Security { get; set; }

    /// <summary>Kept for settings written before <see cref="Security"/>: true meant STARTTLS.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }

    /// <summary>The SHA-256 fingerprint of a server certificate to trust although no authority vouches for it (a
    /// server on the same network with a certificate of its own). Any other certificate must be valid as usual.</summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>How often the digest service looks for people whose time has come.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public MailSecurity SecurityInUse => Security ?? (EnableSsl ? MailSecurity.StartTls : MailSecurity.None);

    /// <summary>The fingerprint as hex digits alone, upper case; null when unset.</summary>
    public string? TrustedFingerprint => string.IsNullOrWhiteSpace(TrustedCertificate) ? null
        : new string(TrustedCertificate.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
}
