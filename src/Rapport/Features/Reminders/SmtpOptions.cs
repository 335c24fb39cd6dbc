namespace Rapport.Features.Reminders;

/// <summary>The mail server Rapport sends through, bound from <c>Email</c>. Only the person's own
/// reminders, and the emails that finish a registration, are ever sent: Rapport never emails a contact.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }

    /// <summary>How often the digest service looks for people whose time has come.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
