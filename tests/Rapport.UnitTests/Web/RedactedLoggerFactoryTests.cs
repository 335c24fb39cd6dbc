using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rapport.Web;

namespace Rapport.UnitTests.Web;

/// <summary>The factory in front of every provider: what a provider receives, through every part of a log line.</summary>
public class RedactedLoggerFactoryTests
{
    private const string Token = "rpcal_Q2hvb3NlIGEgbG9uZyByYW5kb20gdG9rZW4-_x9";

    private static (RedactedLoggerFactory Factory, Capture Capture) Make()
    {
        var capture = new Capture();
        return (new RedactedLoggerFactory(LoggerFactory.Create(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace))), capture);
    }

    [Fact]
    public void A_provider_sees_no_secret_in_the_message_the_values_the_scopes_or_the_exception()
    {
        var (factory, capture) = Make();
        var log = factory.CreateLogger("Any.Category");
        using (log.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = "/calendar/" + Token + ".ics" }))
        using (log.BeginScope("Referer https://rapport.test/calendar/" + Token + ".ics"))
        {
            log.LogWarning(new FileNotFoundException("Could not find '/calendar/" + Token + ".ics'", new InvalidOperationException("inner " + Token)),
                "Request failed: {Method} {Path}{Query}", "GET", new Microsoft.AspNetCore.Http.PathString("/calendar/" + Token + ".ics"), "?token=abc&returnUrl=/today");
        }

        var line = Assert.Single(capture.Lines);
        Assert.Equal("Request failed: GET /calendar/rpcal_[redacted].ics?token=[redacted]&returnUrl=/today", line.Message);
        Assert.Contains(new KeyValuePair<string, object?>("Path", "/calendar/rpcal_[redacted].ics"), line.Values);
        Assert.Contains(new KeyValuePair<string, object?>("Query", "?token=[redacted]&returnUrl=/today"), line.Values);
        Assert.Contains(new KeyValuePair<string, object?>("Method", "GET"), line.Values);
        Assert.Contains("RequestPath:/calendar/rpcal_[redacted].ics", line.Scopes);
        Assert.Contains("Referer https://rapport.test/calendar/rpcal_[redacted].ics", line.Scopes);
        Assert.Contains("System.IO.FileNotFoundException: Could not find '/calendar/rpcal_[redacted].ics'", line.Exception);
        Assert.Contains("inner rpcal_[redacted]", line.Exception);
        Assert.DoesNotContain(Token, line.Message + string.Join("", line.Values) + string.Join("", line.Scopes) + line.Exception);
    }

    [Fact]
    public void Loggers_made_through_the_generic_interface_pass_through_it_too()
    {
        var (factory, capture) = Make();
        new Logger<RedactedLoggerFactoryTests>(factory).LogInformation("Feed {Address}", "https://rapport.test/calendar/" + Token + ".ics");
        Assert.Equal("Feed https://rapport.test/calendar/rpcal_[redacted].ics", Assert.Single(capture.Lines).Message);
    }

    [Fact]
    public void An_exception_without_a_secret_reaches_the_provider_itself()
    {
        var (factory, capture) = Make();
        var failure = new InvalidOperationException("nothing secret");
        factory.CreateLogger("Any").LogError(failure, "Failed");
        Assert.Same(failure, Assert.Single(capture.Lines).ExceptionObject);
    }

    [Fact]
    public void A_repeated_failure_is_written_once_then_counted_with_its_references_when_the_app_stops()
    {
        var (factory, capture) = Make();
        var log = factory.CreateLogger("Rapport.Features.ErrorModel");
        for (var i = 0; i < 5; i++)
            log.LogError(new TimeoutException("The database did not answer"), "Request failed, reference {Reference}: {Method} {Path} ({Endpoint})", $"REF0000{i}", "GET", $"/people/{i}", "/People/Details");
        log.LogError(new TimeoutException("The database did not answer"), "Request failed, reference {Reference}: {Method} {Path} ({Endpoint})", "OTHER000", "GET", "/today", "/Today/Index");
        log.LogError(new InvalidOperationException("Another failure"), "Request failed, reference {Reference}: {Method} {Path} ({Endpoint})", "OTHER001", "GET", "/people/1", "/People/Details");
        Assert.Equal(["REF00000", "OTHER000", "OTHER001"], capture.Lines.Select(l => l.Values.Single(v => v.Key == "Reference").Value));

        factory.Dispose();

        var count = Assert.Single(capture.Lines.Skip(3));
        Assert.Equal(LogLevel.Error, count.Level);
        Assert.Null(count.Exception);
        Assert.StartsWith("Request failed, reference REF00000: GET /people/0 (/People/Details): the same failure happened 4 more times in the last 1 seconds", count.Message);
        Assert.EndsWith("; references REF00001, REF00002, REF00003, REF00004", count.Message);
    }

    [Fact]
    public void Lines_without_an_exception_are_never_counted_away()
    {
        var (factory, capture) = Make();
        var log = factory.CreateLogger("Rapport.Web.AuditTrail");
        for (var i = 0; i < 3; i++) log.LogWarning("Password posts refused for {ClientAddress}", "127.0.0.1");
        factory.Dispose();
        Assert.Equal(3, capture.Lines.Count);
    }

    private sealed record Line(LogLevel Level, string Message, List<KeyValuePair<string, object?>> Values, List<string> Scopes, string? Exception, Exception? ExceptionObject);

    private sealed class Capture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Line> Queue { get; } = new();

        public List<Line> Lines => [.. Queue];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(Capture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : [];
                var scopes = new List<string>();
                capture._scopes.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object?>> kv
                    ? string.Join(" ", kv.Select(p => $"{p.Key}:{p.Value}")) : scope?.ToString() ?? ""), scopes);
                capture.Queue.Enqueue(new Line(logLevel, formatter(state, exception), values, scopes, exception?.ToString(), exception));
            }
        }
    }
}
