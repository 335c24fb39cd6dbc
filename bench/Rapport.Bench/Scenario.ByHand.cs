using Rapport.Bench.Baselines;
using Rapport.Bench.Data;
using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;
using static Rapport.Bench.Measure.Report;

namespace Rapport.Bench;

/// <summary>The runs by hand, for working on one part: the full data set left in a folder, then only the pages or
/// only the exports measured on it.</summary>
public sealed partial class Scenario
{
    /// <summary>Imports and seeds the full data set into a data folder and leaves it there: a SQLite file, or with
    /// <c>--postgres</c> a database named after the folder.</summary>
    public static async Task PrepareDataAsync(BenchSettings settings, PublishedApps apps, string folder)
    {
        Directory.CreateDirectory(folder);
        var db = await PreparedDatabaseAsync(settings, folder, fresh: true);
        await using (var app = AppProcess.Start(apps.Rapport, AppSettings(db)))
        {
            using var probe = new HttpClient();
            await app.WaitForOkAsync(probe, "/healthz");
            using var session = new RapportSession(app.Address);
            await session.SetUpOwnerAsync();
            await session.ImportLinkedInAsync(ConnectionsGenerator.Generate(settings.Contacts, settings.Companies, settings.Seed));
        }
        await ActivitySeeder.SeedAsync(db, await RawQueries.OwnerIdAsync(db), settings.Notes, settings.Conversations, settings.Tasks, settings.Seed);
    }

    /// <summary>Page and search latencies on an existing data folder, printed, for working on one page.</summary>
    public static async Task PagesOnlyAsync(BenchSettings settings, PublishedApps apps, string folder)
    {
        var db = await PreparedDatabaseAsync(settings, folder, fresh: false);
        var scenario = new Scenario(settings, apps, new EmptyAppFigures(0, 0), new Report(), db.IsPostgres, folder);
        await using var app = AppProcess.Start(apps.Rapport, AppSettings(db));
        using var probe = new HttpClient();
        await app.WaitForOkAsync(probe, "/healthz");
        using var session = new RapportSession(app.Address);
        await session.SignInAsync();
        var ids = await RawQueries.ContactIdsAsync(db);
        foreach (var page in await scenario.PagesAsync(session, app, ids, await RawQueries.PageStartsAsync(db)))
            Console.WriteLine($"{page.Name}: 1 client p50 {Ms(page.One.P50)} p95 {Ms(page.One.P95)}; {BenchSettings.ManyConnections} connections p95 {Ms(page.Many.P95)}, {PerSecond(page.Many.PerSecond)}; {Ms(page.ProcessorMs)} of the app's processor time per request; {page.SqlCommands} SQL");
        foreach (var page in await scenario.ReadModelPagesAsync(session, await PageSubjects.FindAsync(db, await RawQueries.OwnerIdAsync(db))))
            Console.WriteLine($"{page.Name}: 1 client p50 {Ms(page.One.P50)} p95 {Ms(page.One.P95)}; {page.SqlCommands} SQL (at most {page.Ceiling})");
        var (one, many, processorMs) = await scenario.SearchAsync(session, app, SearchQueries.From(
            ConnectionsGenerator.Generate(settings.Contacts, settings.Companies, settings.Seed), settings.SearchQueries, settings.Seed));
        Console.WriteLine($"Search: 1 client p50 {Ms(one.P50)} p95 {Ms(one.P95)}; {BenchSettings.SearchClients} clients p95 {Ms(many.P95)}, {PerSecond(many.PerSecond)}; {Ms(processorMs)} of the app's processor time per request");
    }

    /// <summary>The export timings on an existing data folder, printed, with each export written to the folder
    /// (from the warm-up run) so two versions of the app can be compared byte for byte.</summary>
    public static async Task ExportsOnlyAsync(BenchSettings settings, PublishedApps apps, string folder)
    {
        var db = await PreparedDatabaseAsync(settings, folder, fresh: false);
        await using var app = AppProcess.Start(apps.Rapport, AppSettings(db));
        using var probe = new HttpClient();
        await app.WaitForOkAsync(probe, "/healthz");
        using var session = new RapportSession(app.Address);
        await session.SignInAsync();
        var raw = await RawRead.MedianSecondsAsync(db, await RawQueries.OwnerIdAsync(db), settings.Runs);
        foreach (var (handler, file) in new[] { ("ContactsCsv", "export.csv"), ("ContactsVCard", "export.vcf") })
        {
            var processor = TimeSpan.Zero;
            var fastest = double.MaxValue;
            var seconds = await Load.MedianSecondsAsync(settings.Runs, async run =>
            {
                var before = app.ProcessorTime;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                using var response = await session.Client.GetAsync($"/import?handler={handler}", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                await using var target = run < 0 ? File.Create(Path.Combine(folder, file)) : Stream.Null;
                await body.CopyToAsync(target);
                if (run < 0) return;
                processor += app.ProcessorTime - before;
                fastest = Math.Min(fastest, clock.Elapsed.TotalSeconds);
            });
            // The fastest run and the app's processor time say more than the median on a machine busy with other work.
            Console.WriteLine($"{handler}: {Seconds(seconds)} (fastest {Seconds(fastest)}), {Seconds(processor.TotalSeconds / settings.Runs)} of the app's processor time "
                + $"(raw read of the same rows {Seconds(raw)}); written to {Path.Combine(folder, file)}");
        }
    }

    private static async Task<BenchDatabase> PreparedDatabaseAsync(BenchSettings settings, string folder, bool fresh)
    {
        if (settings.PostgresConnection is null) return BenchDatabase.Sqlite(folder);
        var name = "rapport_prepared_" + new string(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return fresh ? await BenchDatabase.PostgresAsync(settings.PostgresConnection, name, folder)
            : new BenchDatabase(true, new Npgsql.NpgsqlConnectionStringBuilder(settings.PostgresConnection) { Database = name }.ToString(), folder);
    }
}
