using System.Globalization;

namespace Rapport.Bench.Capacity;

/// <summary>What the capacity run does: see the README's "Endurance" section. The long mode is the one the
/// README's figure comes from; the quick mode (<c>--quick</c>) is the short version the test script runs.</summary>
public sealed record CapacitySettings(
    bool Quick,
    string? PostgresConnection,
    bool PostgresOnly,
    bool FromBuild,
    bool KeepGoing,
    string OutputPath,
    IReadOnlyList<int> Steps,
    TimeSpan StepLength,
    AccountSize Ordinary,
    AccountSize Large,
    int Seed,
    bool Soak = false)
{
    /// <summary>In a soak, memory is flat when the median of the last third of the samples (after the first
    /// minute) is at most this much above the first third's.</summary>
    public const double SoakMemoryTolerance = 0.05;

    /// <summary>A step holds when the people's requests have a p95 under this, and nothing failed.</summary>
    public const double P95TargetMs = 300;

    /// <summary>One person in fifty (2%) uses a 30,000-contact account: person 0, 50, 100...</summary>
    public const int LargeAccountEvery = 50;

    public static readonly TimeSpan ShortestPause = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ImportEvery = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan BackupEvery = TimeSpan.FromMinutes(5);

    /// <summary>A request that takes longer has failed, as a person would give up on it.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static bool UsesLargeAccount(int person) => person % LargeAccountEvery == 0;

    public static CapacitySettings Parse(string[] args, string repoRoot)
    {
        var quick = args.Contains("--quick");
        var postgres = BenchSettings.Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("RAPPORT_BENCH_POSTGRES");
        var output = BenchSettings.Option(args, "--out") ?? Path.Combine(repoRoot, "bench", "results",
            (args.Contains("--soak") ? "soak" : "capacity") + (quick ? "-quick.md" : ".md"));
        var steps = BenchSettings.Option(args, "--steps") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList()
            : quick ? [10, 20] : [250, 500, 1_000, 1_500, 2_000];
        if (steps.Count == 0 || steps.Any(s => s < 1) || steps.Zip(steps.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("--steps takes a rising list of people, such as 250,500,1000.");
        var seconds = double.TryParse(BenchSettings.Option(args, "--step-seconds"), CultureInfo.InvariantCulture, out var s) ? s : quick ? 15 : 120;
        // A soak is one step of that many people, held for --soak-minutes (30 by default), its memory judged.
        var soak = int.TryParse(BenchSettings.Option(args, "--soak"), CultureInfo.InvariantCulture, out var soakPeople) && soakPeople > 0;
        if (soak)
        {
            steps = [soakPeople];
            seconds = 60 * (double.TryParse(BenchSettings.Option(args, "--soak-minutes"), CultureInfo.InvariantCulture, out var m) ? m : quick ? 0.5 : 30);
        }
        // Quick mode: small accounts, so seeding takes seconds; the large one is the benchmark's quick network.
        var large = quick ? AccountSize.Full.ScaledTo(600) : AccountSize.Full;
        var ordinary = AccountSize.Full.ScaledTo(quick ? 50 : 500);
        return new CapacitySettings(quick, postgres, args.Contains("--postgres-only") && postgres is not null,
            quick || args.Contains("--from-build"), quick || args.Contains("--keep-going"), output, steps, TimeSpan.FromSeconds(seconds), ordinary, large,
            int.TryParse(BenchSettings.Option(args, "--seed"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261208, soak);
    }
}
