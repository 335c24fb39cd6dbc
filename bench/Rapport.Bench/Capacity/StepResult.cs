using System.Net;
using Rapport.Bench.Endurance;
using Rapport.Bench.Measure;

namespace Rapport.Bench.Capacity;

/// <summary>What one step of the ramp measured: the people's requests (every GET and POST they sent), what
/// failed (theirs, the import's and the backup's, and errors in the app's log), and what ran beside them.</summary>
/// <param name="Backups">-1 when no backup could run (PostgreSQL without <c>pg_dump</c>).</param>
public sealed record StepResult(int People, int Requests, int Writes, double P50, double P95, int Errors, int Imports, int Backups,
    TimeSpan Elapsed, TimeSpan Seeding, IReadOnlyList<string> FirstErrors, IReadOnlyList<(string Page, int Requests, double P95)> Pages)
{
    /// <summary>The app's resident memory every 10 s after the step's first minute.</summary>
    public IReadOnlyList<long> Memory { get; init; } = [];

    /// <summary>A soak's step also needs its memory flat to hold.</summary>
    public bool MemoryJudged { get; init; }

    private MemoryTrend? Trend => MemoryTrend.Of(Memory);

    public double? MemoryGrowth => Trend?.Growth;

    public bool MemoryFlat => Trend is not { } trend || trend.FlatWithin(CapacitySettings.SoakMemoryTolerance);

    public string MemoryLine => Trend is { } trend
        ? $"memory every 10 s after the first minute, {trend.Samples} samples: {trend.Figures}: {(MemoryFlat ? "flat" : "GROWING")} "
            + $"(within {CapacitySettings.SoakMemoryTolerance:0%} to be flat)"
        : $"memory: {Memory.Count} samples after the first minute, too few to judge";

    /// <summary>The three slowest pages or saves by p95, with how many were asked for.</summary>
    public string Slowest => string.Join("; ", Pages.Take(3).Select(p => $"{p.Page} {Report.Ms(p.P95)} ({p.Requests:N0})"));

    public bool Held => Requests > 0 && P95 < CapacitySettings.P95TargetMs && Errors == 0 && (!MemoryJudged || MemoryFlat);

    /// <summary>What this step should have produced and did not: the run then says nothing about its people.</summary>
    public IEnumerable<string> Missing()
    {
        if (Requests == 0) yield return $"{People} people: no requests";
        if (Writes == 0) yield return $"{People} people: no save went through";
        if (Imports == 0) yield return $"{People} people: no import completed";
        if (Backups == 0) yield return $"{People} people: no backup completed";
    }

    public static StepResult From(int people, Tally tally, PageTimes times, TimeSpan elapsed, TimeSpan seeding, int appErrors, int imports, int backups)
    {
        var all = tally.All(elapsed);
        // Saves that went through: a form post answered with its redirect.
        var writes = tally.Answered(HttpStatusCode.Redirect) + tally.Answered(HttpStatusCode.SeeOther);
        var any = all.Milliseconds.Count > 0;
        var errors = tally.FirstErrors.ToList();
        if (appErrors > 0) errors.Add($"{appErrors} errors in the app's log");
        return new StepResult(people, all.Milliseconds.Count, writes, any ? all.P50 : double.NaN, any ? all.P95 : double.NaN,
            tally.Errors + appErrors, imports, backups, elapsed, seeding, errors, times.ByP95());
    }

    public string Row => $"| {People:N0} | {Requests:N0} | {Writes:N0} | {Report.Ms(P50)} | {Report.Ms(P95)} | {Errors:N0} | {Imports} | "
        + $"{(Backups < 0 ? "not run" : Backups)} | {(Held ? "held" : "**not held**")} |";

    public const string Heading = "| people | requests | saves | p50 | p95 | errors | imports | backups | step |\n|---|---|---|---|---|---|---|---|---|";
}
