using System.Globalization;

namespace Rapport.Bench;

/// <summary>What one run measures and at what size. The full run is the one the targets speak of; the
/// quick run (<c>--quick</c>) uses small data so CI can check in seconds that every figure is still
/// produced.</summary>
public sealed record BenchSettings(
    bool Quick,
    string? PostgresConnection,
    string OutputPath,
    int Runs,
    int Contacts,
    int SmallContacts,
    int Companies,
    int Notes,
    int Conversations,
    int Tasks,
    int RequestsOneClient,
    int RequestsManyClients,
    int SearchQueries,
    int Seed)
{
    public const int ManyConnections = 16;

    /// <summary>How long each page and the search are loaded, untimed, before they are measured (none in the quick run,
    /// whose timings are not judged): see <see cref="Measure.Load.WarmUpAsync"/>.</summary>
    public TimeSpan WarmUp => Quick ? TimeSpan.Zero : TimeSpan.FromSeconds(20);
    public const int SearchClients = 8;

    public static BenchSettings Parse(string[] args, string repoRoot)
    {
        var quick = args.Contains("--quick");
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("RAPPORT_BENCH_POSTGRES");
        var output = Option(args, "--out") ?? Path.Combine(repoRoot, "bench", "results", quick ? "quick.md" : "latest.md");
        var runs = int.TryParse(Option(args, "--runs"), CultureInfo.InvariantCulture, out var r) ? r : quick ? 1 : 5;
        return quick
            ? new BenchSettings(true, postgres, output, runs, Contacts: 600, SmallContacts: 200, Companies: 120, Notes: 2_000,
                Conversations: 100, Tasks: 400, RequestsOneClient: 20, RequestsManyClients: 64, SearchQueries: 40, Seed: 20261127)
            : new BenchSettings(false, postgres, output, runs, Contacts: 30_000, SmallContacts: 1_000, Companies: 5_000, Notes: 100_000,
                Conversations: 5_000, Tasks: 20_000, RequestsOneClient: 200, RequestsManyClients: 2_000, SearchQueries: 200, Seed: 20261127);
    }

    /// <summary>The value after <paramref name="name"/> on the command line, if given.</summary>
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The smaller network's activity, in the same proportion as the large one's.</summary>
    public (int Notes, int Conversations, int Tasks) SmallActivity =>
        (Notes * SmallContacts / Contacts, Conversations * SmallContacts / Contacts, Tasks * SmallContacts / Contacts);
}
