using System.Collections.Concurrent;

namespace Rapport.Bench.Capacity;

/// <summary>The people's latencies by what they asked for (a page, or a kind of save), so a step that does not hold
/// says which part of the app was slow.</summary>
public sealed class PageTimes
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _byPage = new();

    public void Add(string page, double milliseconds) => _byPage.GetOrAdd(page, _ => []).Add(milliseconds);

    /// <summary>Each page with its request count and p95, slowest first.</summary>
    public IReadOnlyList<(string Page, int Requests, double P95)> ByP95() => _byPage
        .Select(p => (p.Key, p.Value.Count, new Measure.LoadResult(p.Value.ToArray(), TimeSpan.FromSeconds(1)).P95))
        .OrderByDescending(p => p.Item3)
        .ToList();
}
