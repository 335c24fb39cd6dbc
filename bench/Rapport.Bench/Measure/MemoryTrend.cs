namespace Rapport.Bench.Measure;

/// <summary>Whether the app's memory held flat over a run: the median of the last third of the samples against the
/// first third's, so a single peak (a backup, an import) neither hides a trend nor makes one. The load run's soak
/// and the capacity run's soak judge memory this way, each with its own tolerance.</summary>
public sealed record MemoryTrend(double FirstThird, double LastThird, long Min, long Max, int Samples)
{
    /// <summary>Fewer samples than this are too few to judge (two in each third at least).</summary>
    public const int FewestSamples = 6;

    public double Growth => LastThird / FirstThird - 1;

    public bool FlatWithin(double tolerance) => Growth <= tolerance;

    /// <summary>Null when there are too few samples to judge.</summary>
    public static MemoryTrend? Of(IReadOnlyList<long> samples)
    {
        if (samples.Count < FewestSamples) return null;
        var third = samples.Count / 3;
        return new MemoryTrend(Load.Median(samples.Take(third).Select(b => (double)b)), Load.Median(samples.TakeLast(third).Select(b => (double)b)),
            samples.Min(), samples.Max(), samples.Count);
    }

    /// <summary>"first third median 507 MB, last third median 546 MB (+7.6%), min 435 MB, max 604 MB".</summary>
    public string Figures => $"first third median {Report.Mb((long)FirstThird)}, last third median {Report.Mb((long)LastThird)} "
        + $"({Growth:+0.0%;-0.0%}), min {Report.Mb(Min)}, max {Report.Mb(Max)}";
}
