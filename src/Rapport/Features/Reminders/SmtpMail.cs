using System.Net;
using System.Net.Mail;

namespace Rapport.Features.Reminders;

/// <summary>Sends one plain-text email through the server in <see cref="SmtpOptions"/>. A failure is
/// logged and answered false: whoever sends carries on (the digest tries the next person, registration
/// answers as it would have).</summary>
public sealed class SmtpMail(SmtpOptions smtp, ILogger<SmtpMail> log)
{
    public bool IsConfigured => smtp.IsConfigured;

    /// <param name="body">Plain text with CRLF line ends, as mail wants.</param>
    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        if (!smtp.IsConfigured) return false;
        try
        {
            using var message = new MailMessage(smtp.From!, to, subject, body);
            using var client = new SmtpClient(smtp.Host!, smtp.Port) { EnableSsl = smtp.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
            if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
            await client.SendMailAsync(message, cancellationToken);
            return true;
        }
        // FormatException: an address the mail library cannot write (it passed the form's check).
        catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or FormatException)
        {
            log.LogWarning(e, "An email with the subject {Subject} could not be sent", subject);
            return false;
        }
    }
}
