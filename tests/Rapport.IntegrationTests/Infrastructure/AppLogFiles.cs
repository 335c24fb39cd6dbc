using System.Text;
using Microsoft.Extensions.Logging;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>Every line the app under test logs, with its scopes and exceptions, goes to a file under
/// TestResults/app-logs (or <c>RAPPORT_APP_LOGS</c>), one per test process; the secrets the tests
/// handled (passwords typed, cookies and form tokens received) go to a file beside it. After the
/// suites, <c>scripts/check-app-logs</c> looks for each secret in the logs.</summary>
public static class AppLogFiles
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Noted = new(StringComparer.Ordinal);
    private static readonly Lazy<(StreamWriter Log, StreamWriter Secrets)> Files = new(Open);

    public static string Folder => Environment.GetEnvironmentVariable("RAPPORT_APP_LOGS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(RepositoryRoot(), "TestResults", "app-logs");

    /// <summary>This process's log file.</summary>
    public static string LogPath { get; } = Path.Combine(Folder, $"{Environment.GetEnvironmentVariable("RAPPORT_TEST_PROVIDER") ?? "sqlite"}-{Environment.ProcessId}.log");

    private static string SecretsPath => Path.ChangeExtension(LogPath, ".secrets");

    /// <summary>Remembers a value that must never appear in a log. Short values would match by chance.</summary>
    public static void NoteSecret(string? value)
    {
        if (value is null || value.Length < 8 || value.Contains('\n')) return;
        // A part of a huge value is found wherever the whole is, and keeps the list small.
        if (value.Length > 1_024) value = value[..1_024];
        lock (Gate)
        {
            if (!Noted.Add(value)) return;
            Files.Value.Secrets.WriteLine(value);
        }
    }

    public static void Write(string line)
    {
        lock (Gate) Files.Value.Log.WriteLine(line);
    }

    private static (StreamWriter, StreamWriter) Open()
    {
        Directory.CreateDirectory(Folder);
        var log = new StreamWriter(new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
        var secrets = new StreamWriter(new FileStream(SecretsPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
        return (log, secrets);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rapport.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? Path.GetTempPath();
    }
}

/// <summary>Added to the test host beside the app's own providers, under the app's own level filters.</summary>
public sealed class AppLogFileProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class FileLogger(string category, AppLogFileProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder()
                .Append(DateTime.UtcNow.ToString("O")).Append(' ').Append(logLevel).Append(' ')
                .Append(category).Append('[').Append(eventId.Id).Append(':').Append(eventId.Name).Append("] ")
                .Append(formatter(state, exception));
            // Scopes too: a host that logs them (JSON console, OpenTelemetry) would write the request path.
            provider._scopes.ForEachScope((scope, text) => text.Append(" => ").Append(scope), line);
            if (exception is not null) line.Append('\n').Append(exception);
            AppLogFiles.Write(line.ToString().Replace("\n", "\n    "));
        }
    }
}
