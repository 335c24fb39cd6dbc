using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Rapport.Bench.Hosting;

namespace Rapport.Bench.Endurance;

/// <summary>Kills the app with SIGKILL at random moments, again and again, and after each kill reads what it
/// left: while numbered contacts are being saved, while an import is being confirmed, and while the app
/// is migrating an older database at start-up. Passes when every save the app acknowledged is there exactly
/// once and whole, the database passes its own checks, an interrupted import is either all there or not at
/// all (its upload still waiting, to confirm or discard), and every restart completes.</summary>
public sealed class CrashRun(EnduranceSettings settings, PublishedApps apps, string work, StringBuilder summary)
{
    private const int Writers = 3;
    private const int ImportRows = 1_500;
    private const int MigrationStepsBack = 2;

    private readonly ConcurrentDictionary<int, bool> _acknowledged = new();
    private readonly CookieContainer _cookies = new();
    private readonly List<ImportAttempt> _imports = [];
    private readonly List<string> _failures = [];
    private int _lastNumber;
    private double _startSeconds = 1.5;
    private double _confirmSeconds = 1.0;
    private readonly List<double> _starts = [];
    private TaskCompletionSource _firstAcknowledged = new();
    private int _lockLeftBehind;

    private sealed class ImportAttempt(int batch, string preview)
    {
        public int Batch => batch;
        public string Preview => preview;
        public Guid PendingId => Guid.Parse(preview.Split('/')[^1]);
        public string FirstName => $"import-{batch:D4}";
        public volatile bool Acknowledged;
        public volatile bool Answered;
        public bool Discarded;
    }

    public async Task<bool> RunAsync(bool postgres)
    {
        var name = postgres ? "PostgreSQL" : "SQLite";
        var seed = settings.Seed + (postgres ? 1 : 0);
        var random = new Random(seed);
        Console.WriteLine($"Crashes on {name}: {settings.Kills} kills, seed {seed}");
        var folder = Directory.CreateDirectory(Path.Combine(work, "crash-" + name.ToLowerInvariant())).FullName;
        var db = postgres ? await BenchDatabase.PostgresAsync(settings.PostgresConnection!, "rapport_endurance_crash", folder) : BenchDatabase.Sqlite(folder);
        var (duringWrites, midImport, importCycles, midMigration, migrationCycles) = (0, 0, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        try
        {
            await using (var first = await StartAsync(db))
            {
                using var session = new RapportSession(first.Address, cookies: _cookies);
                await session.SetUpOwnerAsync();
            }
            var allMigrations = await CrashChecks.AppliedMigrationsAsync(db);
            for (var kill = 0; kill < settings.Kills && _failures.Count == 0; kill++)
            {
                if (kill % 10 == 9)
                {
                    migrationCycles++;
                    if (await KillWhileMigratingAsync(db, random, allMigrations, whileApplying: migrationCycles % 2 == 1)) midMigration++;
                }
                else if (kill % 3 == 1)
                {
                    importCycles++;
                    if (await KillWhileWritingAsync(db, random, importing: true)) midImport++;
                }
                else
                {
                    await KillWhileWritingAsync(db, random, importing: false);
                    duringWrites++;
                }
                await VerifyAsync(db, $"after kill {kill + 1}");
                if ((kill + 1) % 20 == 0 || settings.Kills <= 20) Console.WriteLine($"  {kill + 1} kills ({clock.Elapsed.TotalSeconds:0} s), {_acknowledged.Count} acknowledged writes, {_imports.Count} imports, all checks passed so far");
            }
            // One last start: it must come up, with every migration applied, and the checks must still pass.
            if (_failures.Count == 0)
            {
                var last = await StartAsync(db);
                if (await CrashChecks.AppliedMigrationsAsync(db) != allMigrations) _failures.Add("the last start did not apply every migration");
                await last.DisposeAsync();
                await VerifyAsync(db, "at the end");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or TaskCanceledException)
        {
            _failures.Add(e.Message);
        }
        finally
        {
            if (postgres) await BenchDatabase.DropPostgresAsync(settings.PostgresConnection!, "rapport_endurance_crash");
        }

        var ok = _failures.Count == 0;
        var lines = new List<string>
        {
            $"Crashes on {name} (seed {seed}): {duringWrites + importCycles + migrationCycles} SIGKILLs in {clock.Elapsed.TotalMinutes:0.0} min: "
                + $"{duringWrites} during numbered writes, {importCycles} during an import confirmation ({midImport} with the import still in flight), "
                + $"{migrationCycles} during start-up on a database {MigrationStepsBack} migrations behind ({midMigration} before the migrations were done, "
                + $"{_lockLeftBehind} leaving the migration lock behind); {_starts.Count} restarts, median start-up {(_starts.Count == 0 ? 0 : Measure.Load.Median(_starts)):0.00} s",
            $"  {_lastNumber:N0} numbered writes sent, {_acknowledged.Count:N0} acknowledged; {_imports.Count} imports of {ImportRows:N0} rows, "
                + $"{_imports.Count(i => i.Acknowledged)} acknowledged, {_imports.Count(i => i.Discarded)} discarded after an interruption",
        };
        lines.AddRange(_failures.Take(10).Select(f => "  failure: " + f));
        lines.Add(ok ? "  PASSED: every acknowledged write there exactly once and whole; integrity and foreign keys clean after every kill; interrupted imports all or nothing"
            : "  FAILED");
        foreach (var line in lines) Console.WriteLine(line);
        summary.AppendLine(string.Join('\n', lines)).AppendLine();
        return ok;
    }

    /// <summary>Numbered contacts saved by a few writers at once (and an import confirmed, when <paramref name="importing"/>),
    /// then SIGKILL at a random moment. True when the import was still in flight at the kill.</summary>
    private async Task<bool> KillWhileWritingAsync(Rapport.Bench.Hosting.BenchDatabase db, Random random, bool importing)
    {
        var app = await StartAsync(db);
        try
        {
            using var session = new RapportSession(app.Address, connections: Writers + 2, cookies: _cookies);
            await SignInIfNeededAsync(session);
            await SettleInterruptedImportsAsync(session, db);
            var token = await session.TokenAsync("/people/new");
            _firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteNumberedAsync(session, token, stop.Token))).ToList();
            ImportAttempt? import = null;
            Task? confirm = null;
            if (importing)
            {
                import = new ImportAttempt(_imports.Count + 1, "");
                var preview = await session.UploadLinkedInAsync(ImportFile(import.Batch));
                import = new ImportAttempt(import.Batch, preview);
                _imports.Add(import);
                var sent = Stopwatch.StartNew();
                confirm = Task.Run(async () =>
                {
                    try
                    {
                        using var response = await session.ConfirmImportAsync(import.Preview);
                        import.Acknowledged = response.StatusCode == HttpStatusCode.Redirect;
                        if (import.Acknowledged) _confirmSeconds = sent.Elapsed.TotalSeconds;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException) { }
                    import.Answered = true;
                });
                await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * _confirmSeconds * 1.3));
            }
            else
            {
                // The kill comes once saves are flowing (the first requests of a fresh process are slow), at a random moment.
                await Task.WhenAny(_firstAcknowledged.Task, Task.Delay(TimeSpan.FromSeconds(10)));
                await Task.Delay(random.Next(0, 1_000));
            }
            var inFlight = import is { Answered: false };
            await app.KillHardAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            if (confirm is not null) await confirm;
            return inFlight;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The database goes back a few migrations; the app starts on it and is killed in its start-up: every
    /// other time at a random moment of the start-up, otherwise within 30 ms of its starting to apply a migration.
    /// True when the kill came before the migrations were all applied.</summary>
    private async Task<bool> KillWhileMigratingAsync(BenchDatabase db, Random random, int allMigrations, bool whileApplying)
    {
        await OlderSchema.StepBackAsync(db, MigrationStepsBack);
        var applying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = AppSettings(db);
        settings["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Information";
        var app = AppProcess.Start(apps.Rapport, settings, line =>
        {
            if (line.Contains("Applying migration '", StringComparison.Ordinal)) applying.TrySetResult();
        });
        if (whileApplying)
        {
            await Task.WhenAny(applying.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            await Task.Delay(random.Next(0, 30));
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * _startSeconds));
        }
        await app.KillHardAsync();
        await app.DisposeAsync();
        if (await CrashChecks.MigrationLockHeldAsync(db)) _lockLeftBehind++;
        return await CrashChecks.AppliedMigrationsAsync(db) < allMigrations;
    }

    private async Task WriteNumberedAsync(RapportSession session, string token, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var number = Interlocked.Increment(ref _lastNumber);
            try
            {
                using var response = await session.PostFormAsync("/people/new", token, new()
                {
                    ["Input.FirstName"] = CrashChecks.Name(number),
                    ["Input.Emails[0].Value"] = CrashChecks.Email(number),
                    ["Input.Notes"] = CrashChecks.Note(number),
                });
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    _acknowledged[number] = true;
                    _firstAcknowledged.TrySetResult();
                }
                else if ((int)response.StatusCode >= 500) lock (_failures) _failures.Add($"write {number}: {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return; // The app is gone.
            }
        }
    }

    /// <summary>An import interrupted before it finished waits on its preview page: confirm every other one, discard the rest.</summary>
    private async Task SettleInterruptedImportsAsync(RapportSession session, BenchDatabase db)
    {
        foreach (var import in _imports.Where(i => !i.Acknowledged && !i.Discarded))
        {
            var (contacts, pending) = await CrashChecks.ImportAsync(db, import.FirstName, import.PendingId);
            if (!pending || contacts > 0) continue; // It had committed before the kill; VerifyAsync has checked it is whole.
            if (import.Batch % 2 == 0)
            {
                using var confirmed = await session.ConfirmImportAsync(import.Preview);
                if (confirmed.StatusCode != HttpStatusCode.Redirect) _failures.Add($"confirming interrupted import {import.Batch} again: {(int)confirmed.StatusCode}");
                import.Acknowledged = true;
            }
            else
            {
                var token = await session.TokenAsync(import.Preview);
                using var discarded = await session.PostFormAsync(import.Preview + "?handler=Cancel", token, []);
                if (discarded.StatusCode != HttpStatusCode.Redirect) _failures.Add($"discarding interrupted import {import.Batch}: {(int)discarded.StatusCode}");
                import.Discarded = true;
            }
        }
    }

    private async Task VerifyAsync(BenchDatabase db, string when)
    {
        foreach (var problem in await CrashChecks.IntegrityAsync(db)) _failures.Add($"{when}: {problem}");
        var stored = await CrashChecks.NumberedContactsAsync(db);
        foreach (var twice in stored.GroupBy(c => c.Number).Where(g => g.Count() > 1)) _failures.Add($"{when}: write {twice.Key} is there {twice.Count()} times");
        foreach (var contact in stored)
        {
            if (contact.Number > _lastNumber) _failures.Add($"{when}: write {contact.Number} was never sent");
            if (contact.Notes != CrashChecks.Note(contact.Number) || contact.Emails != 1)
                _failures.Add($"{when}: write {contact.Number} is half there (notes \"{contact.Notes}\", {contact.Emails} emails)");
        }
        var present = stored.Select(c => c.Number).ToHashSet();
        var lost = _acknowledged.Keys.Where(n => !present.Contains(n)).Order().ToList();
        if (lost.Count > 0) _failures.Add($"{when}: {lost.Count} acknowledged writes are missing, e.g. {string.Join(", ", lost.Take(5))}");
        foreach (var import in _imports)
        {
            var (contacts, pending) = await CrashChecks.ImportAsync(db, import.FirstName, import.PendingId);
            var whole = contacts == ImportRows && !pending;
            var notYet = contacts == 0 && pending;
            if (import.Discarded ? contacts != 0 || pending : import.Acknowledged ? !whole : !(whole || notYet))
                _failures.Add($"{when}: import {import.Batch} ({(import.Acknowledged ? "acknowledged" : import.Discarded ? "discarded" : "interrupted")}) has {contacts} of {ImportRows} contacts, upload {(pending ? "still pending" : "gone")}");
        }
    }

    private async Task<AppProcess> StartAsync(BenchDatabase db)
    {
        var clock = Stopwatch.StartNew();
        var app = AppProcess.Start(apps.Rapport, AppSettings(db));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await app.WaitForOkAsync(probe, "/healthz", TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            var log = app.Log;
            await app.DisposeAsync();
            throw new InvalidOperationException($"the app did not come up within 60 s ({e.GetType().Name}); its last lines:\n{log}", e);
        }
        _startSeconds = clock.Elapsed.TotalSeconds;
        _starts.Add(_startSeconds);
        return app;
    }

    private static async Task SignInIfNeededAsync(RapportSession session)
    {
        using var response = await session.Client.GetAsync("/people");
        if (response.StatusCode != HttpStatusCode.OK) await session.SignInAsync();
    }

    private static Dictionary<string, string> AppSettings(BenchDatabase db) => new(db.AppSettings);

    /// <summary>A LinkedIn export whose every row is new and carries the batch's number as its first name.</summary>
    private static byte[] ImportFile(int batch)
    {
        var text = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");
        for (var i = 0; i < ImportRows; i++)
            text.Append($"import-{batch:D4},Row {i:D5},https://www.linkedin.com/in/import-{batch:D4}-{i:D5},,Batch {batch} Ltd,Tester,01 Jan 2024\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
