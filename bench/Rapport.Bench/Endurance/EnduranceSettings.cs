using System.Globalization;

namespace Rapport.Bench.Endurance;

/// <summary>What the load and crash runs do. The long mode is the one the README's figures come from; the
/// quick mode (<c>--quick</c>) is the short version the test script runs on every change.</summary>
public sealed record EnduranceSettings(
    bool Quick,
    string? PostgresConnection,
    string OutputPath,
    int SqliteClients,
    int PostgresClients,
    TimeSpan SqliteDuration,
    TimeSpan PostgresDuration,
    bool JudgeMemory,
    int Kills,
    int Seed)
{
    /// <summary>Memory is "flat" when the median of the last third of the samples is at most this much above
    /// the first third's (the samples of the warm-up left out).</summary>
    public const double FlatMemoryTolerance = 0.10;

    public static readonly TimeSpan MemoryWarmUp = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MemorySampleEvery = TimeSpan.FromSeconds(10);

    public static EnduranceSettings Parse(string[] args, string repoRoot)
    {
        var quick = args.Contains("--quick");
        var postgres = BenchSettings.Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("RAPPORT_BENCH_POSTGRES");
        var output = BenchSettings.Option(args, "--out") ?? Path.Combine(repoRoot, "bench", "results", quick ? "endurance-quick.md" : "endurance.md");
        var soak = Number(args, "--soak-minutes");
        var sqlite = soak ?? Number(args, "--minutes") ?? (quick ? 1 / 3.0 : 5);
        var pg = Number(args, "--pg-minutes") ?? (quick ? 1 / 3.0 : 2);
        return new EnduranceSettings(
            quick,
            postgres,
            output,
            SqliteClients: (int)(Number(args, "--clients") ?? 50),
            PostgresClients: (int)(Number(args, "--pg-clients") ?? 200),
            SqliteDuration: TimeSpan.FromMinutes(sqlite),
            PostgresDuration: TimeSpan.FromMinutes(pg),
            // Memory is judged in a soak only: a shorter run reports it (its data still grows as the imports start).
            JudgeMemory: soak is not null,
            Kills: (int)(Number(args, "--kills") ?? (quick ? 10 : 200)),
            Seed: (int)(Number(args, "--seed") ?? Environment.TickCount & 0xFFFF));
    }

    private static double? Number(string[] args, string name) =>
        double.TryParse(BenchSettings.Option(args, name), CultureInfo.InvariantCulture, out var value) ? value : null;
}
