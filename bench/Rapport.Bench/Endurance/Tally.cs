using System.Collections.Concurrent;
using System.Net;
using Rapport.Bench.Measure;

namespace Rapport.Bench.Endurance;

/// <summary>Every request of a load run: its latency, its status, and what went wrong, counted from many threads.</summary>
public sealed class Tally
{
    private readonly ConcurrentBag<double> _milliseconds = [];
    private readonly ConcurrentBag<double> _writeMilliseconds = [];
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private int _errorCount;
    private int _serverErrors;

    public int Requests => _milliseconds.Count;
    public int Errors => Volatile.Read(ref _errorCount);
    public int ServerErrors => Volatile.Read(ref _serverErrors);
    public IReadOnlyList<string> FirstErrors => _errors.Take(10).ToList();

    public LoadResult All(TimeSpan elapsed) => new(_milliseconds.ToArray(), elapsed);
    public LoadResult Writes(TimeSpan elapsed) => new(_writeMilliseconds.ToArray(), elapsed);

    /// <summary>How many answers had <paramref name="status"/>.</summary>
    public int Answered(HttpStatusCode status) => _statuses.GetValueOrDefault((int)status);

    public string Statuses => string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"));

    /// <summary>Counts one answer; a status other than <paramref name="expected"/> is an error, a 5xx also a server error.</summary>
    public bool Count(string what, HttpResponseMessage response, double milliseconds, bool write, params HttpStatusCode[] expected)
    {
        _milliseconds.Add(milliseconds);
        if (write) _writeMilliseconds.Add(milliseconds);
        var status = (int)response.StatusCode;
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status >= 500) Interlocked.Increment(ref _serverErrors);
        if (expected.Contains(response.StatusCode)) return true;
        Error($"{what}: {status} {response.Headers.Location}");
        return false;
    }

    /// <summary>A request that got no answer (refused, reset, timed out), or a failure outside HTTP.</summary>
    public void Error(string what)
    {
        Interlocked.Increment(ref _errorCount);
        if (_errors.Count < 50) _errors.Enqueue(what);
    }
}
