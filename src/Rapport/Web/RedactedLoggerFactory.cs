using System.Collections.Concurrent;

namespace Rapport.Web;

/// <summary>The one way into the app's log. Every logger the app, the framework or a library asks for comes from
/// this factory, whatever its category, and every provider (console, the host's own, a test's) sits behind it, so
/// each line passes through here once: its message, its structured values, its scopes (the request path is one)
/// and its exception text are redacted (<see cref="LogRedaction"/>), and repeats of a failure are counted
/// (<see cref="RepeatedFailures"/>). Providers keep their own level filters: the wrapped factory applies them.</summary>
public sealed class RedactedLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly RepeatedFailures _repeats = new();
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public RedactedLoggerFactory(ILoggerFactory inner) => _inner = inner;

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, category => new RedactedLogger(_inner.CreateLogger(category), category, _repeats));

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose()
    {
        _repeats.Dispose();
        _inner.Dispose();
    }

    private sealed class RedactedLogger(ILogger inner, string category, RepeatedFailures repeats) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(RedactedLogLine.ForScope(state));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var line = RedactedLogLine.For(state, exception, formatter);
            if (repeats.Absorb(inner, logLevel, eventId, category, line, exception)) return;
            inner.Log(logLevel, eventId, line, RedactedException.For(exception), RedactedLogLine.Format);
        }
    }
}
