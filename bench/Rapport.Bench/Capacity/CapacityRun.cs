using System.Diagnostics;
using Rapport.Bench.Endurance;
using Rapport.Bench.Hosting;

namespace Rapport.Bench.Capacity;

/// <summary>The ramp on one database: one install, its owner importing and backing up beside the people, and
/// more people at each step, each signed into their own account. A step's people are kept for the next one,
/// which only adds accounts; seeding them is not part of any step. The ramp stops at the first step that does
/// not hold, unless told to keep going (the quick mode does, to check that every step produces its figures).</summary>
public sealed class CapacityRun(CapacitySettings settings, PublishedApps apps, string work)
{
    private const string DatabaseName = "rapport_capacity";

    private int _counting;
    private int _appErrors;

    public async Task<DatabaseCapacity> RunAsync(bool postgres)
    {
        var name = postgres ? "PostgreSQL" : "SQLite";
        Console.WriteLine(settings.Soak ? $"Soak on {name}: {settings.Steps[0]} people for {settings.StepLength.TotalMinutes:0} min" : $"Capacity on {name}: steps of {string.Join(", ", settings.Steps)} people, {settings.StepLength.TotalSeconds:0} s each");
        var folder = Directory.CreateDirectory(Path.Combine(work, "capacity-" + name.ToLowerInvariant())).FullName;
        var db = postgres ? await BenchDatabase.PostgresAsync(settings.PostgresConnection!, DatabaseName, folder) : BenchDatabase.Sqlite(folder);
        try
        {
            var appSettings = new Dictionary<string, string>(db.AppSettings) { ["Accounts__Registration"] = "Open" };
            // Errors are counted during the steps only: on a new database EF logs, as an error, its first look for
            // a history table that is not there yet.
            await using var app = AppProcess.Start(apps.Rapport, appSettings, line =>
            {
                if (Volatile.Read(ref _counting) == 1 && (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
                    || line.Contains("database is locked", StringComparison.OrdinalIgnoreCase)))
                    Interlocked.Increment(ref _appErrors);
            });
            try
            {
                return await RampAsync(name, db, app);
            }
            catch (Exception)
            {
                Console.Error.WriteLine("The app's last output lines:\n" + app.Log);
                throw;
            }
        }
        finally
        {
            if (postgres) await BenchDatabase.DropPostgresAsync(settings.PostgresConnection!, DatabaseName);
        }
    }

    private async Task<DatabaseCapacity> RampAsync(string name, BenchDatabase db, AppProcess app)
    {
        using (var probe = new HttpClient()) await app.WaitForOkAsync(probe, "/healthz");
        using var owner = new RapportSession(app.Address, connections: 4);
        await owner.SetUpOwnerAsync();
        var clock = Stopwatch.StartNew();
        var ordinary = await AccountTemplate.MakeAsync(app, db, "template-ordinary@capacity.example", settings.Ordinary, settings.Seed);
        var large = await AccountTemplate.MakeAsync(app, db, "template-large@capacity.example", settings.Large, settings.Seed + 1);
        Console.WriteLine($"  template accounts made in {clock.Elapsed.TotalSeconds:0} s: {settings.Ordinary}; and {settings.Large}");
        var copy = AccountCopy.Read(db);

        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var shared = new HttpClient(handler) { BaseAddress = app.Address, Timeout = CapacitySettings.RequestTimeout };
        var beside = new BesideThePeople(owner, db, Directory.CreateDirectory(Path.Combine(work, name)).FullName, settings.Seed);
        var seeder = new PeopleSeeder(db, copy, shared, ordinary, large, settings.Seed);

        // Two people outside the steps, on an ordinary and a large account, first do everything once, so no step
        // measures the app compiling its pages and queries on their first use.
        var warmUp = new Tally();
        foreach (var person in await seeder.AddAsync([-1, -CapacitySettings.LargeAccountEvery]))
        {
            var times = new PageTimes();
            await person.WalkThroughAsync(warmUp, times);
            // The second walk is on the large account, with the app warm: what one person alone waits for there.
            Console.WriteLine($"  warm-up on {person.Account.ContactCount:N0} contacts, slowest: "
                + string.Join("; ", times.ByP95().Take(3).Select(p => $"{p.Page} {Measure.Report.Ms(p.P95)}")));
        }
        if (warmUp.Errors > 0) throw new InvalidOperationException("The warm-up failed: " + string.Join("; ", warmUp.FirstErrors));

        var people = new List<Person>();
        var steps = new List<StepResult>();
        foreach (var count in settings.Steps)
        {
            clock.Restart();
            people.AddRange(await seeder.AddAsync(Enumerable.Range(people.Count, count - people.Count).ToList()));
            var seeding = clock.Elapsed;
            var step = await RunStepAsync(people, beside, seeding, app);
            steps.Add(step);
            Console.WriteLine($"  {step.People:N0} people (seeded in {seeding.TotalSeconds:0} s): {step.Requests:N0} requests ({step.Requests / step.Elapsed.TotalSeconds:0}/s), "
                + $"{step.Writes:N0} saves, p50 {Measure.Report.Ms(step.P50)}, p95 {Measure.Report.Ms(step.P95)}, {step.Errors} errors, "
                + $"{step.Imports} imports, {(step.Backups < 0 ? "no backup (pg_dump not found)" : $"{step.Backups} backups")}: {(step.Held ? "held" : "NOT HELD")}");
            Console.WriteLine("    slowest by p95: " + step.Slowest);
            Console.WriteLine("    " + step.MemoryLine);
            foreach (var error in step.FirstErrors) Console.WriteLine("    error: " + error);
            if (!step.Held && !settings.KeepGoing) break;
        }
        return new DatabaseCapacity(name, steps);
    }

    private async Task<StepResult> RunStepAsync(List<Person> people, BesideThePeople beside, TimeSpan seeding, AppProcess app)
    {
        var memory = new List<long>();
        var tally = new Tally();
        var times = new PageTimes();
        var errorsBefore = Volatile.Read(ref _appErrors);
        Volatile.Write(ref _counting, 1);
        var start = DateTime.UtcNow;
        var until = start + settings.StepLength;
        var clock = Stopwatch.StartNew();
        var work = Task.Run(() => beside.RunAsync(start, until, tally));
        var sampling = Task.Run(async () =>
        {
            // The first minute is left out: the people's first requests fill the app's caches and pools.
            while (DateTime.UtcNow < until)
            {
                if (clock.Elapsed >= EnduranceSettings.MemoryWarmUp) memory.Add(app.ResidentBytes);
                await Task.Delay(EnduranceSettings.MemorySampleEvery);
            }
        });
        await Task.WhenAll(people.Select(p => Task.Run(() => p.RunAsync(until, tally, times))));
        var elapsed = clock.Elapsed;
        var (imports, backups) = await work;
        await sampling;
        Volatile.Write(ref _counting, 0);
        return StepResult.From(people.Count, tally, times, elapsed, seeding, Volatile.Read(ref _appErrors) - errorsBefore, imports, backups)
            with { Memory = memory, MemoryJudged = settings.Soak };
    }
}
