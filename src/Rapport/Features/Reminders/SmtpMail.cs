using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Rapport.Features.Reminders;

/// <summary>What became of one email: sent or not, and what the server (or the network) said, in plain words.</summary>
public sealed record MailOutcome(bool Sent, string Said);

/// <summary>Sends one plain-text UTF-8 email through the server in <see cref="SmtpOptions"/>, with MailKit: TLS as the
/// settings ask (none, STARTTLS or from the first byte), optional sign-in, and its own <c>Message-Id</c> and
/// <c>Date</c>. A failure is logged and answered, never thrown: whoever sends carries on (the digest tries the next
/// person, registration answers as it would have, the test email shows what the server said).</summary>
public sealed class SmtpMail(SmtpOptions smtp, TimeProvider clock, ILogger<SmtpMail> log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool IsConfigured => smtp.IsConfigured;

    /// <param name="body">Plain text, with any line ends.</param>
    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default) =>
        (await TrySendAsync(to, subject, body, cancellationToken)).Sent;

    public async Task<MailOutcome> TrySendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        if (!smtp.IsConfigured) return new(false, "No mail server is set: set Email__Host and Email__From.");
        var server = $"{smtp.Host}:{smtp.Port}";
        try
        {
            using var message = Message(to, subject, body);
            using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
            client.ServerCertificateValidationCallback = Trusted;
            await client.ConnectAsync(smtp.Host!, smtp.Port, Socket(smtp.SecurityInUse), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            var answer = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new(true, $"Sent. {server} answered: {answer.Trim()}");
        }
        catch (Exception e) when (Explained(e, server) is { } said)
        {
            log.LogWarning(e, "An email with the subject {Subject} could not be sent: {Reason}", subject, said);
            return new(false, said);
        }
    }

    private MimeMessage Message(string to, string subject, string body)
    {
        var from = MailboxAddress.Parse(smtp.From!);
        var message = new MimeMessage { Subject = subject, Date = clock.GetUtcNow() };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        // A Message-Id of the sender's own domain, as mail servers and spam filters expect.
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain is { Length: > 0 } domain ? domain : "rapport.invalid");
        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText(System.Text.Encoding.UTF8, body.ReplaceLineEndings("\r\n"));
        message.Body = text;
        return message;
    }

    private static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    /// <summary>A certificate an authority vouches for, or the one the settings name by its fingerprint.</summary>
    private bool Trusted(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (smtp.TrustedFingerprint is not { } pinned || certificate is null) return false;
        return Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == pinned;
    }

    /// <summary>Why it was not sent, in the words a self-hoster can act on; null for what is not a sending failure.</summary>
    private string? Explained(Exception e, string server) => e switch
    {
        SocketException s => $"Rapport could not reach {server}: {s.Message}.",
        SslHandshakeException => $"The secure connection to {server} failed: its certificate is not trusted (set Email__TrustedCertificate to its SHA-256 fingerprint if it is your own), or it does not speak TLS as Email__Security = {smtp.SecurityInUse} asks.",
        NotSupportedException when smtp.SecurityInUse == MailSecurity.StartTls => $"{server} does not offer STARTTLS: set Email__Security to SslOnConnect (usually port 465), or None only for a server on this machine.",
        AuthenticationException => $"{server} refused the sign-in of {smtp.UserName}: check Email__UserName and Email__Password.",
        NotSupportedException when !string.IsNullOrEmpty(smtp.UserName) => $"{server} offers no way to sign in that Rapport knows (over this connection): try Email__Security = StartTls.",
        SmtpCommandException c => $"{server} refused the message: {(int)c.StatusCode} {c.Message}",
        SmtpProtocolException p => $"{server} answered something that is not mail: {p.Message}",
        ParseException => $"An address is not one mail can carry (Email__From is '{smtp.From}').",
        TimeoutException or OperationCanceledException => $"{server} did not answer within {Timeout.TotalSeconds:0} seconds.",
        IOException or ServiceNotConnectedException => $"The connection to {server} was cut: {e.Message}",
        _ => null,
    };
}
