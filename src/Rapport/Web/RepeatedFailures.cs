using System.Diagnostics;

namespace Rapport.Web;

/// <summary>A failure that repeats (a database that is down while calendar apps keep polling) is logged once in
/// full, stack trace and all; the same failure again within a minute is only counted, and when the minute ends
/// (or the app stops) one line says how many more times it happened and lists their reference codes, so a
/// person quoting any of them is still found. "The same" is: the same logger, event and message template,
/// the same exception type and message, and the same endpoint when the line names one. Only lines that carry
/// an exception, at warning or above, are counted this way; the rest are written as they come.</summary>
internal sealed class RepeatedFailures : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MostWindows = 1_000;
    private const int MostReferences = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Repeats> _open = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>True when the line is a repeat, counted instead of written.</summary>
    public bool Absorb(ILogger log, LogLevel level, EventId eventId, string category, RedactedLogLine line, Exception? exception)
    {
        if (exception is null || level < LogLevel.Warning) return false;
        var key = string.Join('\n', category, eventId.Id, line.Value(RedactedLogLine.TemplateKey) ?? line.Message,
            exception.GetType().FullName, LogRedaction.Redact(exception.Message), line.Value("Endpoint"));
        lock (_gate)
        {
            if (_disposed) return false;
            if (_open.TryGetValue(key, out var repeats))
            {
                repeats.Count++;
                if (line.Value("Reference") is string reference)
                {
                    if (repeats.References.Count < MostReferences) repeats.References.Add(reference);
                    else repeats.Unlisted++;
                }
                return true;
            }
            if (_open.Count >= MostWindows) return false;
            // The summary names the failure by the first line of its message: some messages hold a stack trace.
            repeats = new Repeats(key, log, level, eventId, line.Message.Split('\n', 2)[0].TrimEnd());
            _open[key] = repeats;
            repeats.Timer = new Timer(_ => Close(repeats), null, Window, Timeout.InfiniteTimeSpan);
            return false;
        }
    }

    private void Close(Repeats repeats)
    {
        lock (_gate)
        {
            if (!_open.Remove(repeats.Key)) return;
        }
        repeats.Timer?.Dispose();
        if (repeats.Count == 0) return;
        var seconds = Math.Max(1, (int)Math.Ceiling(Stopwatch.GetElapsedTime(repeats.Started).TotalSeconds));
        var references = repeats.References.Count == 0 ? ""
            : "; references " + string.Join(", ", repeats.References) + (repeats.Unlisted > 0 ? $" and {repeats.Unlisted} more not listed" : "");
        var summary = $"{repeats.FirstMessage}: the same failure happened {repeats.Count} more times in the last {seconds} seconds{references}";
        repeats.Log.Log(repeats.Level, repeats.EventId, summary, null, static (text, _) => text);
    }

    /// <summary>Writes what was counted: called as the app stops, before the log providers go.</summary>
    public void Dispose()
    {
        List<Repeats> open;
        lock (_gate)
        {
            _disposed = true;
            open = [.. _open.Values];
        }
        foreach (var repeats in open) Close(repeats);
    }

    private sealed class Repeats(string key, ILogger log, LogLevel level, EventId eventId, string firstMessage)
    {
        public string Key { get; } = key;
        public ILogger Log { get; } = log;
        public LogLevel Level { get; } = level;
        public EventId EventId { get; } = eventId;
        public string FirstMessage { get; } = firstMessage;
        public long Started { get; } = Stopwatch.GetTimestamp();
        public int Count { get; set; }
        public int Unlisted { get; set; }
        public List<string> References { get; } = [];
        public Timer? Timer { get; set; }
    }
}
