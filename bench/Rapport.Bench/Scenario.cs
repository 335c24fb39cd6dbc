using Rapport.Bench.Baselines;
using Rapport.Bench.Data;
using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;
using static Rapport.Bench.Measure.Report;

namespace Rapport.Bench;

/// <summary>Every figure on one database: import, cold start, pages, search, export and memory, each
/// beside its baseline, at the full network size and at the small one.</summary>
public sealed partial class Scenario(BenchSettings settings, PublishedApps apps, EmptyAppFigures empty, Report report, bool postgres, string work)
{
    private static readonly string[] Pages = ["Contacts list", "Contact page", "Today"];
    private string Prefix => postgres ? "PostgreSQL: " : "";
    private int _databases;

    public static IEnumerable<string> ExpectedFigures(bool withPostgres)
    {
        var prefixes = withPostgres ? new[] { "", "PostgreSQL: " } : [""];
        foreach (var p in prefixes)
        {
            yield return p + "Import of the connections, end to end";
            yield return p + "Re-import of the same file (0 new)";
            yield return p + "Search p50, 1 client";
            yield return p + "Search p95, 1 client";
            yield return p + $"Search p95, {BenchSettings.SearchClients} clients";
            yield return p + "Search processor time per request (the app)";
            foreach (var page in Pages)
            {
                yield return $"{p}{page} p50 / p95, 1 client";
                yield return $"{p}{page} p95, {BenchSettings.ManyConnections} connections";
                yield return $"{p}{page} processor time per request (the app)";
                yield return $"{p}{page} SQL commands per request";
                yield return $"{p}{page} p95 at the full size vs the small one";
            }
            foreach (var page in PageSubjects.Names)
            {
                yield return $"{p}{page} SQL commands per request";
                yield return $"{p}{page} p50 / p95, 1 client";
            }
            yield return p + "CSV export of all contacts";
            yield return p + "CSV export, memory growth";
            yield return p + "vCard export of all contacts";
            yield return p + "vCard export, memory growth";
            yield return p + "Cold start to /healthz";
            yield return p + "Cold start to the first page that reads the database";
            yield return p + "Memory, idle";
            yield return p + "Memory, after the import";
            yield return p + "Memory, under load";
            foreach (var figure in HistoryFigures(p)) yield return figure;
        }
    }

    public async Task RunAsync()
    {
        try
        {
            await MeasureAsync();
        }
        catch (Exception) when (AppProcess.LastStarted is { } app)
        {
            Console.Error.WriteLine("The app's last output lines:\n" + app.Log);
            throw;
        }
    }

    private async Task MeasureAsync()
    {
        Console.WriteLine(postgres ? "PostgreSQL:" : "SQLite:");
        var big = ConnectionsGenerator.Generate(settings.Contacts, settings.Companies, settings.Seed);
        var small = ConnectionsGenerator.Generate(settings.SmallContacts, Math.Max(20, settings.Companies * settings.SmallContacts / settings.Contacts), settings.Seed + 1);

        // Import: each run into a new install, then the same file again. Another account imports a smaller
        // file first, so the figure is a working app's (code already compiled), not a cold process's.
        var imports = new List<double>();
        var reimports = new List<double>();
        AppProcess? main = null;
        BenchDatabase? mainDb = null;
        long afterImport = 0;
        for (var run = -1; run < settings.Runs; run++)
        {
            var db = await NewDatabaseAsync();
            var app = await StartAsync(db, openRegistration: true);
            using (var session = new RapportSession(app.Address))
            {
                await session.SetUpOwnerAsync();
                using (var other = new RapportSession(app.Address))
                {
                    await other.RegisterAsync("warm-up@rapport.example");
                    await other.ImportLinkedInAsync(small);
                    await other.ImportLinkedInAsync(small);
                }
                var first = await Timed(() => session.ImportLinkedInAsync(big));
                var again = await Timed(() => session.ImportLinkedInAsync(big));
                if (run >= 0)
                {
                    imports.Add(first);
                    reimports.Add(again);
                }
            }
            if (run == settings.Runs - 1)
            {
                (main, mainDb) = (app, db);
                afterImport = app.ResidentBytes;
            }
            else
            {
                await app.DisposeAsync();
                await DropAsync(db);
            }
        }
        var raw = await RawInsert.MedianSecondsAsync(big, settings.Runs, NewDatabaseAsync, DropAsync);
        var import = Load.Median(imports);
        var reimport = Load.Median(reimports);
        var importTarget = postgres ? import <= 3 * raw : import <= 2 * raw && import < 3;
        report.Add(new Row(Prefix + "Import of the connections, end to end", Seconds(import),
            $"{Seconds(raw)} ({(postgres ? "binary COPY" : "one prepared command per table, one transaction")})", Times(import / raw),
            postgres ? "≤ 3x" : "≤ 2x and < 3 s", importTarget));
        report.Add(new Row(Prefix + "Re-import of the same file (0 new)", Seconds(reimport), $"{Seconds(import)} (first import)", Times(reimport / import), "< 1.5x", reimport < 1.5 * import));

        // What a long search leaves behind, then cold starts of the app with all of it.
        var ownerId = await RawQueries.OwnerIdAsync(mainDb!);
        Console.WriteLine($"  seeding {settings.Notes:N0} notes, {settings.Conversations:N0} conversations, {settings.Tasks:N0} tasks...");
        await ActivitySeeder.SeedAsync(mainDb!, ownerId, settings.Notes, settings.Conversations, settings.Tasks, settings.Seed);
        await main!.DisposeAsync();
        var healthz = new List<double>();
        var firstPage = new List<double>();
        var idle = new List<double>();
        using var probe = new HttpClient();
        for (var run = -1; run < settings.Runs; run++)
        {
            var app = AppProcess.Start(apps.Rapport, AppSettings(mainDb!));
            var up = await app.WaitForOkAsync(probe, "/healthz");
            var page = await app.WaitForOkAsync(probe, "/account/sign-in");
            await Task.Delay(TimeSpan.FromSeconds(2));
            if (run >= 0)
            {
                healthz.Add(up.TotalSeconds);
                firstPage.Add(page.TotalSeconds);
                idle.Add(app.ResidentBytes);
            }
            if (run == settings.Runs - 1) main = app;
            else await app.DisposeAsync();
        }
        report.Add(Within(Prefix + "Cold start to /healthz", Load.Median(healthz), empty.ColdStartSeconds, 1));
        report.Add(Within(Prefix + "Cold start to the first page that reads the database", Load.Median(firstPage), empty.ColdStartSeconds, 1));

        // Pages, search and export at the full size, with memory watched throughout.
        PageFigures[] full;
        ReadModelFigures[] fullReadModels;
        (LoadResult One, LoadResult Many, double ProcessorMs) search;
        long underLoad, underLoadWithMapped;
        using (var session = new RapportSession(main!.Address))
        {
            await session.SignInAsync();
            var ids = await RawQueries.ContactIdsAsync(mainDb!);
            await using var memory = new MemoryWatch(main);
            full = await PagesAsync(session, main, ids, await RawQueries.PageStartsAsync(mainDb!));
            fullReadModels = await ReadModelPagesAsync(session, await PageSubjects.FindAsync(mainDb!, ownerId));
            search = await SearchAsync(session, main, SearchQueries.From(big, settings.SearchQueries, settings.Seed));
            (underLoad, underLoadWithMapped) = (memory.PeakBytes, memory.PeakWithMappedDatabaseBytes);
            await ExportAsync(session, main, mainDb!, ownerId);
        }
        var rawSearch = await RawSearch.MeasureAsync(mainDb!, ownerId, SearchQueries.From(big, settings.SearchQueries, settings.Seed));
        var emptyPage = full[^1];
        report.Add(new Row(Prefix + "Search p50, 1 client", Ms(search.One.P50), $"raw SQL {Ms(rawSearch.One.P50)} · empty page {Ms(emptyPage.One.P50)}", Times(search.One.P50 / rawSearch.One.P50), "", null));
        report.Add(new Row(Prefix + "Search p95, 1 client", Ms(search.One.P95), $"raw SQL {Ms(rawSearch.One.P95)} · empty page {Ms(emptyPage.One.P95)}", Times(search.One.P95 / rawSearch.One.P95), "< 20 ms", search.One.P95 < 20));
        report.Add(new Row(Prefix + $"Search p95, {BenchSettings.SearchClients} clients", Ms(search.Many.P95), $"raw SQL {Ms(rawSearch.Many.P95)} · empty page {Ms(emptyPage.Many.P95)}", Times(search.Many.P95 / rawSearch.Many.P95), "< 60 ms", search.Many.P95 < 60));
        report.Add(ProcessorRow("Search", search.ProcessorMs, emptyPage.ProcessorMs));

        // The same pages at the small size: how cost grows with the network.
        await main.DisposeAsync();
        var smallDb = await NewDatabaseAsync();
        PageFigures[] smallFigures;
        ReadModelFigures[] smallReadModels;
        await using (var smallApp = await StartAsync(smallDb))
        {
            using var session = new RapportSession(smallApp.Address);
            await session.SetUpOwnerAsync();
            await session.ImportLinkedInAsync(small);
            var (notes, conversations, tasks) = settings.SmallActivity;
            var smallOwner = await RawQueries.OwnerIdAsync(smallDb);
            await ActivitySeeder.SeedAsync(smallDb, smallOwner, notes, conversations, tasks, settings.Seed);
            smallFigures = await PagesAsync(session, smallApp, await RawQueries.ContactIdsAsync(smallDb), await RawQueries.PageStartsAsync(smallDb));
            smallReadModels = await ReadModelPagesAsync(session, await PageSubjects.FindAsync(smallDb, smallOwner));
        }
        await DropAsync(smallDb);

        for (var i = 0; i < Pages.Length; i++)
        {
            var (page, at1k) = (full[i], smallFigures[i]);
            report.Add(new Row($"{Prefix}{page.Name} p50 / p95, 1 client", $"{Ms(page.One.P50)} / {Ms(page.One.P95)}", $"empty page {Ms(emptyPage.One.P50)} / {Ms(emptyPage.One.P95)}", Times(page.One.P95 / emptyPage.One.P95), "p95 < 25 ms", page.One.P95 < 25));
            report.Add(new Row($"{Prefix}{page.Name} p95, {BenchSettings.ManyConnections} connections", Ms(page.Many.P95), $"empty page {Ms(emptyPage.Many.P95)}", Times(page.Many.P95 / emptyPage.Many.P95), "< 150 ms", page.Many.P95 < 150));
            report.Add(ProcessorRow(page.Name, page.ProcessorMs, emptyPage.ProcessorMs));
            report.Add(new Row($"{Prefix}{page.Name} SQL commands per request", $"{page.SqlCommands} at {settings.Contacts:N0}", $"{at1k.SqlCommands} at {settings.SmallContacts:N0}", "", "≤ 5, the same at both sizes", page.SqlCommands <= 5 && page.SqlCommands == at1k.SqlCommands));
            report.Add(new Row($"{Prefix}{page.Name} p95 at the full size vs the small one", $"{Ms(page.One.P95)} at {settings.Contacts:N0}", $"{Ms(at1k.One.P95)} at {settings.SmallContacts:N0}", Times(page.One.P95 / at1k.One.P95), "≤ 1.5x", page.One.P95 <= 1.5 * at1k.One.P95));
        }

        for (var i = 0; i < fullReadModels.Length; i++)
        {
            var (page, at1k) = (fullReadModels[i], smallReadModels[i]);
            report.Add(new Row($"{Prefix}{page.Name} SQL commands per request", $"{page.SqlCommands} at {settings.Contacts:N0}", $"{at1k.SqlCommands} at {settings.SmallContacts:N0}", "",
                $"≤ {page.Ceiling}, the same at both sizes", page.SqlCommands <= page.Ceiling && page.SqlCommands == at1k.SqlCommands));
            report.Add(new Row($"{Prefix}{page.Name} p50 / p95, 1 client", $"{Ms(page.One.P50)} / {Ms(page.One.P95)}",
                $"{Ms(at1k.One.P95)} at {settings.SmallContacts:N0} · empty page {Ms(emptyPage.One.P95)}", Times(page.One.P95 / at1k.One.P95),
                page.TargetMs is double target ? $"p95 < {target:0} ms" : "", page.TargetMs is double limit ? page.One.P95 < limit : null));
        }

        report.Add(Within(Prefix + "Memory, idle", (long)Load.Median(idle), empty.IdleBytes, 60));
        report.Add(new Row(Prefix + "Memory, after the import", Mb(afterImport), $"empty app idle {Mb(empty.IdleBytes)}", "", "", null));
        // Less the database file's pages mapped in, which are the OS's file cache (decision record 004); shown beside it.
        report.Add(new Row(Prefix + "Memory, under load", Mb(underLoad),
            $"empty app idle {Mb(empty.IdleBytes)}; {Mb(underLoadWithMapped)} with the database's mapped pages", "", "< 350 MB", underLoad < 350L * 1024 * 1024));
        await DropAsync(mainDb!);
        await MeasureHistoryAsync();
    }

    private sealed record PageFigures(string Name, LoadResult One, LoadResult Many, int SqlCommands, double ProcessorMs);

    private sealed record ReadModelFigures(string Name, LoadResult One, int SqlCommands, int Ceiling, double? TargetMs);

    /// <summary>The pages read through read models: each one's SQL commands, and its latency for one client
    /// (half the requests of the pages above; there are six of them).</summary>
    private async Task<ReadModelFigures[]> ReadModelPagesAsync(RapportSession session, PageSubjects subjects)
    {
        var figures = new List<ReadModelFigures>();
        foreach (var (name, path, ceiling, target) in subjects.Pages)
        {
            Console.WriteLine($"  {name}...");
            await Load.RunAsync(1, 10, _ => session.GetTextAsync(path));
            var one = await Load.RunAsync(1, Math.Max(10, settings.RequestsOneClient / 2), _ => session.GetTextAsync(path));
            figures.Add(new ReadModelFigures(name, one, await session.SqlCommandsAsync(path), ceiling, target));
        }
        return [.. figures];
    }

    /// <summary>Contacts list (every page of it in turn, each reached as its Next link does), contact pages, Today, and the
    /// empty page with the layout.</summary>
    private async Task<PageFigures[]> PagesAsync(RapportSession session, AppProcess app, IReadOnlyList<int> ids, IReadOnlyList<string> pageStarts)
    {
        var pages = pageStarts.Count + 1;
        var shuffled = ids.OrderBy(id => (id * 2654435761u) % 1000003).ToArray();
        var paths = new (string Name, Func<int, string> Path)[]
        {
            ("Contacts list", i => (i * 7919) % pages is var page && page == 0 ? "/people"
                : $"/people?after={Uri.EscapeDataString(pageStarts[page - 1])}&p={page + 1}"),
            ("Contact page", i => $"/people/{shuffled[i % shuffled.Length]}"),
            ("Today", _ => "/"),
            ("Empty page with the layout", _ => "/about"),
        };
        var figures = new List<PageFigures>();
        foreach (var (name, path) in paths)
        {
            Console.WriteLine($"  {name}...");
            await Load.RunAsync(4, 40, i => session.GetTextAsync(path(i)));
            await Load.WarmUpAsync(BenchSettings.ManyConnections, settings.WarmUp, i => session.GetTextAsync(path(i)));
            var one = await Load.RunAsync(1, settings.RequestsOneClient, i => session.GetTextAsync(path(i)));
            var before = app.ProcessorTime;
            var many = await Load.RunAsync(BenchSettings.ManyConnections, settings.RequestsManyClients, i => session.GetTextAsync(path(i)));
            var processorMs = (app.ProcessorTime - before).TotalMilliseconds / settings.RequestsManyClients;
            var sql = await session.SqlCommandsAsync(path(1));
            figures.Add(new PageFigures(name, one, many, sql, processorMs));
        }
        return [.. figures];
    }

    /// <summary>What typing in the people list's search box sends: the rows only, through htmx.</summary>
    private async Task<(LoadResult One, LoadResult Many, double ProcessorMs)> SearchAsync(RapportSession session, AppProcess app, IReadOnlyList<string> queries)
    {
        Console.WriteLine("  search...");
        async Task Send(int i)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/people?q=" + Uri.EscapeDataString(queries[i % queries.Count]));
            request.Headers.Add("HX-Request", "true");
            using var response = await session.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync();
        }
        await Load.RunAsync(4, Math.Min(40, queries.Count), Send);
        await Load.WarmUpAsync(BenchSettings.SearchClients, settings.WarmUp, Send);
        var one = await Load.RunAsync(1, queries.Count, Send);
        // At least as many requests as the pages' many-connection runs, so the processor time per request is averaged as far.
        var requests = Math.Max(queries.Count * 4, settings.RequestsManyClients);
        var before = app.ProcessorTime;
        var many = await Load.RunAsync(BenchSettings.SearchClients, requests, Send);
        return (one, many, (app.ProcessorTime - before).TotalMilliseconds / requests);
    }

    private async Task ExportAsync(RapportSession session, AppProcess app, BenchDatabase db, string ownerId)
    {
        foreach (var (name, handler) in new[] { ("CSV", "ContactsCsv"), ("vCard", "ContactsVCard") })
        {
            Console.WriteLine($"  {name} export...");
            long growth = 0;
            var seconds = await Load.MedianSecondsAsync(settings.Runs, async run =>
            {
                var before = app.ResidentBytes;
                await using var memory = new MemoryWatch(app);
                using var response = await session.Client.GetAsync($"/import?handler={handler}", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.CopyToAsync(Stream.Null);
                if (run >= 0) growth = Math.Max(growth, memory.PeakBytes - before);
            });
            var raw = await RawRead.MedianSecondsAsync(db, ownerId, settings.Runs);
            report.Add(new Row($"{Prefix}{name} export of all contacts", Seconds(seconds), $"raw read of the same rows {Seconds(raw)}", Times(seconds / raw), "< 2 s", seconds < 2));
            report.Add(new Row($"{Prefix}{name} export, memory growth", Mb(growth), "", "", "< 50 MB (streamed)", growth < 50L * 1024 * 1024));
        }
    }

    /// <summary>What one request costs the app process in processor time (user and system, from the OS), over the
    /// many-connection run: what decides how many people a server carries, without the load generator's share
    /// of the two cores that a requests-per-second figure mixed in.</summary>
    private Row ProcessorRow(string name, double milliseconds, double emptyPage)
    {
        var target = postgres ? 3.0 : 2.5;
        return new Row($"{Prefix}{name} processor time per request (the app)", $"{milliseconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} ms",
            $"empty page {emptyPage.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} ms", Times(milliseconds / emptyPage),
            $"≤ {target.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} ms", milliseconds <= target);
    }

    private static Row Within(string figure, double seconds, double baseline, double allowed) =>
        new(figure, Seconds(seconds), $"empty web app {Seconds(baseline)}", $"+{Seconds(seconds - baseline)}", $"within {allowed:0} s of the empty app", seconds - baseline <= allowed);

    private static Row Within(string figure, long bytes, long baseline, int allowedMb) =>
        new(figure, Mb(bytes), $"empty web app {Mb(baseline)}", $"+{Mb(bytes - baseline)}", $"within {allowedMb} MB of the empty app", bytes - baseline <= allowedMb * 1024L * 1024);

    private static async Task<double> Timed(Func<Task> action)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    private async Task<BenchDatabase> NewDatabaseAsync()
    {
        var name = $"rapport_bench_{Environment.ProcessId}_{++_databases}";
        var folder = Path.Combine(work, name);
        Directory.CreateDirectory(folder);
        return postgres ? await BenchDatabase.PostgresAsync(settings.PostgresConnection!, name, folder) : BenchDatabase.Sqlite(folder);
    }

    private async Task DropAsync(BenchDatabase db)
    {
        if (db.IsPostgres) await BenchDatabase.DropPostgresAsync(settings.PostgresConnection!, new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString).Database!);
        try { Directory.Delete(db.DataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task<AppProcess> StartAsync(BenchDatabase db, bool openRegistration = false)
    {
        var settings = AppSettings(db);
        if (openRegistration) settings["Accounts__Registration"] = "Open";
        var app = AppProcess.Start(apps.Rapport, settings);
        using var probe = new HttpClient();
        await app.WaitForOkAsync(probe, "/healthz");
        return app;
    }

    private static Dictionary<string, string> AppSettings(BenchDatabase db) =>
        new(db.AppSettings) { ["Diagnostics__SqlCommandCount"] = "true" };
}
