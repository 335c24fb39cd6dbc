using System.Diagnostics;

namespace Rapport.Bench.Measure;

/// <summary>Latencies of a batch of requests and how many were served per second.</summary>
public sealed record LoadResult(IReadOnlyList<double> Milliseconds, TimeSpan Elapsed)
{
    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);
    public double PerSecond => Milliseconds.Count / Elapsed.TotalSeconds;

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

public static class Load
{
    /// <summary>Closed loop: <paramref name="clients"/> workers each send their next request as soon as the
    /// last one is answered, until <paramref name="requests"/> have been sent in all. Request i is
    /// <paramref name="send"/>(i), so every run sends the same mix.</summary>
    public static async Task<LoadResult> RunAsync(int clients, int requests, Func<int, Task> send)
    {
        var latencies = new double[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var start = Stopwatch.GetTimestamp();
                await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(latencies, clock.Elapsed);
    }

    /// <summary>Untimed requests from <paramref name="clients"/> workers for <paramref name="duration"/>. A page's first
    /// thousands of requests run while the JIT recompiles its hot code (ReadyToRun code first, then optimized code), which
    /// took up to half of the app's processor time for 20 to 30 s; a figure measured in that time is the JIT's.</summary>
    public static async Task WarmUpAsync(int clients, TimeSpan duration, Func<int, Task> send)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration) await send(Interlocked.Increment(ref next));
        })));
    }

    /// <summary>The median of <paramref name="runs"/> timed runs, after one untimed warm-up run.</summary>
    public static async Task<double> MedianSecondsAsync(int runs, Func<int, Task> run)
    {
        await run(-1);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run(i);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return Median(times);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
