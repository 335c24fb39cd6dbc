using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Rapport.Bench.Data;
using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;
using static Rapport.Bench.Measure.Report;

namespace Rapport.Bench.Endurance;

/// <summary>Many people using one install at once, while one of them imports their LinkedIn export again and
/// again and a backup copies the database beside them. Passes with no 5xx, no "database is locked" (in an
/// answer or in the app's log) and no other failed request; on PostgreSQL also p95 under 300 ms; and, over a
/// long enough run, memory that does not keep growing.</summary>
public sealed class LoadRun(EnduranceSettings settings, PublishedApps apps, string work, StringBuilder summary)
{
    private const int VisitorsPerAccount = 10;
    private const double PostgresP95TargetMs = 300;

    public async Task<bool> RunAsync(bool postgres)
    {
        var clients = postgres ? settings.PostgresClients : settings.SqliteClients;
        var duration = postgres ? settings.PostgresDuration : settings.SqliteDuration;
        var name = postgres ? "PostgreSQL" : "SQLite";
        Console.WriteLine($"Load on {name}: {clients} clients for {duration.TotalMinutes:0.##} min, with imports{(postgres ? "" : " and backups")} running");

        var folder = Directory.CreateDirectory(Path.Combine(work, "load-" + name.ToLowerInvariant())).FullName;
        var db = postgres ? await BenchDatabase.PostgresAsync(settings.PostgresConnection!, "rapport_endurance_load", folder) : BenchDatabase.Sqlite(folder);
        var locked = 0;
        var failLines = 0;
        // Errors are counted from when the load starts: on a new database EF logs, as an error, its first look
        // for a history table that is not there yet.
        var counting = 0;
        var appSettings = new Dictionary<string, string>(db.AppSettings) { ["Accounts__Registration"] = "Open" };
        await using var app = AppProcess.Start(apps.Rapport, appSettings, line =>
        {
            if (line.Contains("database is locked", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref locked);
            if (Volatile.Read(ref counting) == 1 && (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)))
                Interlocked.Increment(ref failLines);
        });
        using (var probe = new HttpClient()) await app.WaitForOkAsync(probe, "/healthz");

        // Accounts of ten visitors each, every one with a few hundred imported contacts to read.
        var accounts = Math.Max(1, (clients + VisitorsPerAccount - 1) / VisitorsPerAccount);
        var sessions = new List<RapportSession>();
        try
        {
            for (var a = 0; a < accounts; a++)
            {
                var session = new RapportSession(app.Address, connections: VisitorsPerAccount + 2);
                if (a == 0) await session.SetUpOwnerAsync();
                else await session.RegisterAsync(AccountEmail(a));
                await session.ImportLinkedInAsync(ConnectionsGenerator.Generate(300, 60, settings.Seed + a));
                sessions.Add(session);
            }
            var seeded = await ContactIdsByOwnerAsync(db);

            Volatile.Write(ref counting, 1);
            var tally = new Tally();
            var memory = new List<(TimeSpan At, long Bytes)>();
            var clock = Stopwatch.StartNew();
            var until = DateTime.UtcNow + duration;
            var visitors = Enumerable.Range(0, clients).Select(i =>
            {
                var owner = seeded[AccountEmail(i % accounts)];
                return Task.Run(() => new Visitor(i, sessions[i % accounts], owner, tally, settings.Seed * 1000 + i).RunAsync(until));
            }).ToList();
            var imports = Task.Run(() => ImportAgainAndAgainAsync(sessions[0], until, tally));
            var backups = Task.Run(() => BackUpAgainAndAgainAsync(db, until, tally, folder));
            var sampling = Task.Run(async () =>
            {
                while (DateTime.UtcNow < until)
                {
                    memory.Add((clock.Elapsed, app.ResidentBytes));
                    await Task.Delay(EnduranceSettings.MemorySampleEvery);
                }
            });
            await Task.WhenAll(visitors);
            var elapsed = clock.Elapsed;
            var (importCount, importSeconds) = await imports;
            var backupCount = await backups;
            await sampling;

            return Report(name, postgres, clients, duration, tally, elapsed, importCount, importSeconds, backupCount, locked, failLines, memory, app.Log);
        }
        finally
        {
            foreach (var session in sessions) session.Dispose();
            if (postgres) await BenchDatabase.DropPostgresAsync(settings.PostgresConnection!, "rapport_endurance_load");
        }
    }

    private bool Report(string name, bool postgres, int clients, TimeSpan duration, Tally tally, TimeSpan elapsed, int imports, List<double> importSeconds,
        int backups, int locked, int failLines, List<(TimeSpan At, long Bytes)> memory, string log)
    {
        var all = tally.All(elapsed);
        var writes = tally.Writes(elapsed);
        var p = (double q) => all.Milliseconds.Count == 0 ? double.NaN : all.Percentile(q);
        var lines = new List<string>
        {
            $"Load on {name}: {clients} clients, {elapsed.TotalMinutes:0.0} min, {all.Milliseconds.Count:N0} requests ({writes.Milliseconds.Count:N0} writes), {PerSecond(all.PerSecond)}",
            $"  latency p50 {Ms(p(0.50))}, p95 {Ms(p(0.95))}, p99 {Ms(p(0.99))}; writes p95 {(writes.Milliseconds.Count == 0 ? "-" : Ms(writes.Percentile(0.95)))}",
            $"  statuses {tally.Statuses}; failed requests {tally.Errors}; 5xx {tally.ServerErrors}; \"database is locked\" in the log {locked}; errors logged during the load {failLines}",
            $"  imports of 1,000 rows (4 files in turn) completed beside the load: {imports} (median {(importSeconds.Count == 0 ? "-" : Seconds(Load.Median(importSeconds)))}); backups: {(postgres ? (backups < 0 ? "not run (pg_dump not found)" : $"{backups} (pg_dump)") : $"{backups} (VACUUM INTO)")}",
        };
        var ok = tally.Errors == 0 && tally.ServerErrors == 0 && locked == 0 && failLines == 0 && imports > 0 && (postgres || backups > 0);
        // Timings are judged in the long mode only: the quick one runs on a CI machine busy with other work.
        if (postgres && !(p(0.95) < PostgresP95TargetMs))
        {
            lines.Add($"  p95 is not under {PostgresP95TargetMs} ms{(settings.Quick ? " (not judged in quick mode)" : "")}");
            if (!settings.Quick) ok = false;
        }
        var flat = MemoryVerdict(memory, out var memoryLine);
        lines.Add("  " + memoryLine);
        if (settings.JudgeMemory && !postgres && !flat) ok = false;
        foreach (var error in tally.FirstErrors) lines.Add("  error: " + error);
        lines.Add($"  {(ok ? "PASSED" : "FAILED")}");
        foreach (var line in lines) Console.WriteLine(line);
        summary.AppendLine(string.Join('\n', lines)).AppendLine();
        if (!ok) Console.Error.WriteLine("The app's last output lines:\n" + log);
        return ok;
    }

    /// <summary>Flat: after the warm-up, the median of the last third of the samples is within the tolerance of the first third's.</summary>
    private static bool MemoryVerdict(List<(TimeSpan At, long Bytes)> samples, out string line)
    {
        var after = samples.Where(s => s.At >= EnduranceSettings.MemoryWarmUp).Select(s => s.Bytes).ToList();
        if (MemoryTrend.Of(after) is not { } trend)
        {
            var peak = samples.Count == 0 ? 0 : samples.Max(s => s.Bytes);
            line = $"memory: {samples.Count} samples, peak {Mb(peak)} (too short a run to judge a trend)";
            return true;
        }
        var flat = trend.FlatWithin(EnduranceSettings.FlatMemoryTolerance);
        // The benchmark runs with the invariant culture (Program.cs), so the numbers read the same everywhere.
        line = $"memory (RSS every {EnduranceSettings.MemorySampleEvery.TotalSeconds:0} s, {trend.Samples} samples after a {EnduranceSettings.MemoryWarmUp.TotalMinutes:0} min warm-up): "
            + trend.Figures + ": " + (flat ? $"flat (within {EnduranceSettings.FlatMemoryTolerance:0%})" : $"GROWING (more than {EnduranceSettings.FlatMemoryTolerance:0%})");
        return flat;
    }

    /// <summary>The first account uploads and confirms an export of 1,000 rows, pauses a little, and again.</summary>
    private async Task<(int, List<double>)> ImportAgainAndAgainAsync(RapportSession session, DateTime until, Tally tally)
    {
        var done = 0;
        var seconds = new List<double>();
        for (var i = 0; DateTime.UtcNow < until; i++)
        {
            // Four different exports in turn: the first four imports add 1,000 people each, the later ones update
            // them, so a long run's database stops growing from imports (the visitors still add a few a second).
            var file = ConnectionsGenerator.Generate(1_000, 150, settings.Seed + 10_000 + i % 4);
            var clock = Stopwatch.StartNew();
            try
            {
                await session.ImportLinkedInAsync(file);
                done++;
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                tally.Error("import: " + e.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        return (done, seconds);
    }

    /// <summary>SQLite: a separate connection copies the live file with <c>VACUUM INTO</c>, as the backup command
    /// does, and the copy must pass its integrity check. PostgreSQL: <c>pg_dump</c>, when it is installed
    /// (-1 when it is not).</summary>
    private static async Task<int> BackUpAgainAndAgainAsync(BenchDatabase db, DateTime until, Tally tally, string folder)
    {
        var done = 0;
        var copy = Path.Combine(folder, "backup-copy");
        if (db.IsPostgres && !File.Exists(PgDumpPath)) return -1;
        while (DateTime.UtcNow < until)
        {
            try
            {
                File.Delete(copy);
                if (db.IsPostgres) await PgDumpAsync(db, copy);
                else await VacuumIntoAsync(db, copy);
                done++;
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
            {
                tally.Error("backup: " + e.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        File.Delete(copy);
        return done;
    }

    private static async Task VacuumIntoAsync(BenchDatabase db, string copy)
    {
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 30000; VACUUM INTO $path;";
            command.Parameters.AddWithValue("$path", copy);
            await command.ExecuteNonQueryAsync();
        }
        await using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await check.OpenAsync();
        await using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await integrity.ExecuteScalarAsync();
        if (result != "ok") throw new InvalidOperationException("the backup copy fails its integrity check: " + result);
    }

    /// <summary>Where Debian's PostgreSQL packages put <c>pg_dump</c> (a wrapper that picks the server's version).</summary>
    internal const string PgDumpPath = "/usr/bin/pg_dump";

    internal static async Task PgDumpAsync(BenchDatabase db, string copy)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString);
        var info = new ProcessStartInfo(PgDumpPath, ["--format=custom", "--file", copy, "--host", builder.Host!, "--port",
            builder.Port.ToString(CultureInfo.InvariantCulture), "--username", builder.Username!, builder.Database!])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("pg_dump: " + await error);
    }

    private static string AccountEmail(int account) => account == 0 ? RapportSession.Email : $"load-{account}@rapport.example";

    /// <summary>Each account's contact ids, by the account's email.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<int>>> ContactIdsByOwnerAsync(BenchDatabase db)
    {
        await using var connection = await Baselines.RawQueries.OpenAsync(db);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT u."Email", c."Id" FROM "AspNetUsers" u JOIN "Contacts" c ON c."OwnerId" = u."Id" ORDER BY c."Id" """;
        var byOwner = new Dictionary<string, List<int>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var email = reader.GetString(0);
            if (!byOwner.TryGetValue(email, out var ids)) byOwner[email] = ids = [];
            ids.Add(reader.GetInt32(1));
        }
        return byOwner.ToDictionary(o => o.Key, o => (IReadOnlyList<int>)o.Value);
    }
}
