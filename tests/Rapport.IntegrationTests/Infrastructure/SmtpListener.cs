using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>A minimal SMTP server on a loopback port that keeps every message it is given, for tests
/// of the reminder and registration emails.</summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, SmtpListener> Running = new();

    /// <summary>The listener on this port, for a helper that knows only the app's settings (registration by email).</summary>
    public static SmtpListener? On(int port) => Running.TryGetValue(port, out var listener) ? listener : null;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SmtpListener()
    {
        _listener.Start();
        Running[Port] = this;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<(string To, string Data)> Messages { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            var to = "";
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.ToUpperInvariant();
                if (command.StartsWith("EHLO") || command.StartsWith("HELO")) await writer.WriteLineAsync("250 localhost");
                else if (command.StartsWith("MAIL FROM")) await writer.WriteLineAsync("250 OK");
                else if (command.StartsWith("RCPT TO")) { to = line[8..].Trim(' ', '<', '>', ':'); await writer.WriteLineAsync("250 OK"); }
                else if (command == "DATA")
                {
                    await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                    lock (Messages) Messages.Add((to, data.ToString()));
                    await writer.WriteLineAsync("250 Queued");
                }
                else if (command == "QUIT") { await writer.WriteLineAsync("221 Bye"); return; }
                else await writer.WriteLineAsync("250 OK");
            }
        }
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

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(Port, out _);
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
