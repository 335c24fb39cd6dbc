using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Rapport.Bench;
using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;

// The benchmark: see the README's "Performance" section.
//   dotnet run -c Release --project bench/Rapport.Bench [-- --quick] [--postgres "Host=...;Username=...;Password=..."] [--out file] [--runs N]
// By hand: --prepare-data <folder>, then --pages-on <folder> or --exports-on <folder> (with --postgres "..." on PostgreSQL).
// The LinkedIn history import alone (SQLite, then PostgreSQL with --postgres): ... -- --history-only [--quick] [--runs N] [--postgres "..."]
// The load and crash runs (README, "Endurance"): ... -- load|crash|endurance [--quick] [--postgres "..."]
// The capacity run (README, "Endurance"): ... -- capacity [--quick] [--postgres "..."] [--steps 250,500] [--step-seconds 120]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var repoRoot = FindRepoRoot();
if (Rapport.Bench.Endurance.EnduranceCommand.Handles(args)) return await Rapport.Bench.Endurance.EnduranceCommand.RunAsync(args, repoRoot);
if (Rapport.Bench.Capacity.CapacityCommand.Handles(args)) return await Rapport.Bench.Capacity.CapacityCommand.RunAsync(args, repoRoot);
var settings = BenchSettings.Parse(args, repoRoot);
var work = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
Console.WriteLine($"Rapport benchmark ({(settings.Quick ? "quick" : "full")}): {settings.Contacts:N0} contacts, median of {settings.Runs} after a warm-up; work folder {work}");

try
{
    var write = BenchSettings.Option(args, "--write-connections") is { } w ? Path.GetFullPath(w) : null;
    if (write is not null)
    {
        // The generated export as a file, to import by hand.
        await File.WriteAllBytesAsync(write, Rapport.Bench.Data.ConnectionsGenerator.Generate(settings.Contacts, settings.Companies, settings.Seed));
        Console.WriteLine($"Written {write}");
        return 0;
    }
    var apps = await PublishedApps.BuildAsync(repoRoot, work);
    var keep = BenchSettings.Option(args, "--prepare-data") is { } k ? Path.GetFullPath(k) : null;
    if (keep is not null)
    {
        // For profiling by hand: the full data set in a data folder (with --postgres, in a database named after the folder), to run the app against.
        await Scenario.PrepareDataAsync(settings, apps, keep);
        Console.WriteLine($"Data folder ready: {keep} (sign in as {RapportSession.Email} / \"{RapportSession.Password}\")");
        return 0;
    }
    var pagesOn = BenchSettings.Option(args, "--pages-on") is { } p ? Path.GetFullPath(p) : null;
    if (pagesOn is not null)
    {
        // For profiling by hand: only the page and search figures, on a folder (and database) made by --prepare-data.
        await Scenario.PagesOnlyAsync(settings, apps, pagesOn);
        return 0;
    }
    var exportsOn = BenchSettings.Option(args, "--exports-on") is { } e ? Path.GetFullPath(e) : null;
    if (exportsOn is not null)
    {
        // For profiling by hand: only the export figures, on a folder made by --prepare-data, each export kept there.
        await Scenario.ExportsOnlyAsync(settings, apps, exportsOn);
        return 0;
    }
    if (args.Contains("--history-only"))
    {
        // Only the LinkedIn history figure, printed: for working on that import.
        var historyReport = new Report();
        await new Scenario(settings, apps, new EmptyAppFigures(0, 0), historyReport, postgres: false, work).MeasureHistoryAsync();
        if (settings.PostgresConnection is not null)
            await new Scenario(settings, apps, new EmptyAppFigures(0, 0), historyReport, postgres: true, work).MeasureHistoryAsync();
        Console.WriteLine(historyReport.ToMarkdown($"LinkedIn history import, {settings.Contacts:N0} connections"));
        return historyReport.Rows.All(r => r.Met != false) ? 0 : 1;
    }
    var report = new Report();
    var empty = await EmptyAppFigures.MeasureAsync(apps.EmptyWeb, settings);
    await new Scenario(settings, apps, empty, report, postgres: false, work).RunAsync();
    if (settings.PostgresConnection is not null)
        await new Scenario(settings, apps, empty, report, postgres: true, work).RunAsync();
    else
        Console.WriteLine("PostgreSQL: skipped (no --postgres connection string and no RAPPORT_BENCH_POSTGRES).");

    var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}";
    var markdown = report.ToMarkdown($"Rapport benchmark, {(settings.Quick ? "quick mode (small data: timings not meaningful)" : "full run")}: "
        + $"{settings.Contacts:N0} contacts; {machine}.");
    Directory.CreateDirectory(Path.GetDirectoryName(settings.OutputPath)!);
    await File.WriteAllTextAsync(settings.OutputPath, markdown);
    Console.WriteLine();
    Console.WriteLine(markdown);
    Console.WriteLine($"Written to {settings.OutputPath}");
    var missing = Scenario.ExpectedFigures(settings.PostgresConnection is not null).Except(report.Rows.Select(r => r.Figure)).ToList();
    if (missing.Count > 0)
    {
        Console.Error.WriteLine("Missing figures: " + string.Join("; ", missing));
        return 1;
    }
    var unmet = report.Rows.Count(r => r.Met == false);
    Console.WriteLine($"{report.Rows.Count} figures, {report.Rows.Count(r => r.Met == true)} targets met, {unmet} not met.");
    return 0;
}
finally
{
    try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return dir.FullName;
    throw new InvalidOperationException("Run the benchmark from inside the Rapport repository.");
}

/// <summary>The app and the empty web app, published in Release the way the README tells a self-hoster to
/// (for this platform, compiled ahead of time), and started the same way.</summary>
public sealed record PublishedApps(string Rapport, string EmptyWeb)
{
    public static async Task<PublishedApps> BuildAsync(string repoRoot, string work)
    {
        var rapport = Path.Combine(work, "app");
        var empty = Path.Combine(work, "empty");
        await PublishAsync(Path.Combine(repoRoot, "src", "Rapport", "Rapport.csproj"), rapport);
        await PublishAsync(Path.Combine(repoRoot, "bench", "EmptyWeb", "EmptyWeb.csproj"), empty);
        return new PublishedApps(Path.Combine(rapport, "Rapport.dll"), Path.Combine(empty, "EmptyWeb.dll"));
    }

    private static async Task PublishAsync(string project, string output)
    {
        Console.WriteLine($"Publishing {Path.GetFileNameWithoutExtension(project)} (Release)...");
        var info = new ProcessStartInfo("dotnet",
            $"publish \"{project}\" -c Release -r {RuntimeInformation.RuntimeIdentifier} --self-contained false -p:PublishReadyToRun=true -o \"{output}\" --nologo -v q")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {project} failed:\n{await stdout}\n{await stderr}");
    }
}
