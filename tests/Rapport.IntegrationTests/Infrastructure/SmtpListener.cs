using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>How the test server protects its connections.</summary>
public enum SmtpListenerTls
{
    None,
    /// <summary>Offers STARTTLS and requires it before MAIL FROM.</summary>
    StartTls,
    /// <summary>TLS from the first byte.</summary>
    OnConnect,
}

/// <summary>A minimal SMTP server on a loopback port that keeps every message it is given, for tests
/// of the reminder and registration emails; optionally over TLS (with a certificate the test made) and with a login.</summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, SmtpListener> Running = new();

    /// <summary>The listener on this port, for a helper that knows only the app's settings (registration by email).</summary>
    public static SmtpListener? On(int port) => Running.TryGetValue(port, out var listener) ? listener : null;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly SmtpListenerTls _tls;
    private readonly X509Certificate2? _certificate;
    private readonly (string UserName, string Password)? _login;

    public SmtpListener(SmtpListenerTls tls = SmtpListenerTls.None, X509Certificate2? certificate = null, (string UserName, string Password)? login = null)
    {
        _tls = tls;
        _certificate = certificate;
        _login = login;
        if (tls != SmtpListenerTls.None && certificate is null) throw new ArgumentException("TLS needs a certificate.", nameof(certificate));
        _listener.Start();
        Running[Port] = this;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<(string To, string Data)> Messages { get; } = [];

    /// <summary>Whether each message came over TLS, in the order of <see cref="Messages"/>.</summary>
    public List<bool> OverTls { get; } = [];

    /// <summary>A self-signed certificate for localhost, as a mail server of one's own would have.</summary>
    public static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Through PKCS#12, so the private key is usable by a server stream on Linux.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    /// <summary>What the app's Email__TrustedCertificate takes: the SHA-256 of the certificate.</summary>
    public static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(async () =>
            {
                try { await ServeAsync(client); }
                catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException) { }
            });
        }
    }

    private async Task<Stream> SecureAsync(Stream stream)
    {
        var secure = new SslStream(stream);
        await secure.AuthenticateAsServerAsync(_certificate!);
        return secure;
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            Stream stream = client.GetStream();
            var secure = false;
            if (_tls == SmtpListenerTls.OnConnect) { stream = await SecureAsync(stream); secure = true; }
            var reader = new StreamReader(stream, Encoding.ASCII);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            var to = "";
            var signedIn = _login is null;
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.ToUpperInvariant();
                if (command.StartsWith("EHLO") || command.StartsWith("HELO"))
                {
                    if (_tls == SmtpListenerTls.StartTls && !secure) await writer.WriteLineAsync("250-STARTTLS");
                    if (_login is not null) await writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                    await writer.WriteLineAsync("250 localhost");
                }
                else if (command == "STARTTLS" && _tls == SmtpListenerTls.StartTls && !secure)
                {
                    await writer.WriteLineAsync("220 Ready to start TLS");
                    stream = await SecureAsync(stream);
                    secure = true;
                    reader = new StreamReader(stream, Encoding.ASCII);
                    writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                }
                else if (command.StartsWith("AUTH PLAIN") && _login is { } login)
                {
                    var given = line.Length > 11 ? line[11..].Trim() : await Ask(reader, writer, "334 ");
                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(given ?? "")).Split('\0');
                    signedIn = parts.Length == 3 && parts[1] == login.UserName && parts[2] == login.Password;
                    await writer.WriteLineAsync(signedIn ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                }
                else if (command.StartsWith("AUTH LOGIN") && _login is { } byLogin)
                {
                    var user = Encoding.UTF8.GetString(Convert.FromBase64String(await Ask(reader, writer, "334 VXNlcm5hbWU6") ?? ""));
                    var password = Encoding.UTF8.GetString(Convert.FromBase64String(await Ask(reader, writer, "334 UGFzc3dvcmQ6") ?? ""));
                    signedIn = user == byLogin.UserName && password == byLogin.Password;
                    await writer.WriteLineAsync(signedIn ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                }
                else if (command.StartsWith("MAIL FROM"))
                {
                    if (_tls == SmtpListenerTls.StartTls && !secure) await writer.WriteLineAsync("530 5.7.0 Must issue a STARTTLS command first");
                    else if (!signedIn) await writer.WriteLineAsync("530 5.7.0 Authentication required");
                    else await writer.WriteLineAsync("250 OK");
                }
                else if (command.StartsWith("RCPT TO")) { to = line[8..].Trim(' ', '<', '>', ':'); await writer.WriteLineAsync("250 OK"); }
                else if (command == "DATA")
                {
                    await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                    lock (Messages) { Messages.Add((to, data.ToString())); OverTls.Add(secure); }
                    await writer.WriteLineAsync("250 2.0.0 Queued as test-" + Messages.Count);
                }
                else if (command == "QUIT") { await writer.WriteLineAsync("221 Bye"); return; }
                else await writer.WriteLineAsync("250 OK");
            }
        }
    }

    private static async Task<string?> Ask(StreamReader reader, StreamWriter writer, string prompt)
    {
        await writer.WriteLineAsync(prompt);
        return await reader.ReadLineAsync();
    }

    /// <summary>The messages sent to <paramref name="to"/>, each as its decoded text.</summary>
    public List<string> TextsTo(string to)
    {
        lock (Messages) return Messages.Where(m => m.To.Equals(to, StringComparison.OrdinalIgnoreCase)).Select(m => Text(m.Data)).ToList();
    }

    /// <summary>A message as written, with quoted-printable soft line breaks joined and =XX bytes decoded.</summary>
    public static string Text(string data)
    {
        var joined = data.Replace("=\r\n", "").Replace("=\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.Add((byte)joined[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private bool _disposed;

    /// <summary>Stops listening; a test may stop it early (a server that went away) and dispose it again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Running.TryRemove(Port, out _);
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
