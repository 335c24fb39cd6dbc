using System.Runtime.InteropServices;
using System.Text;
using Rapport.Bench.Endurance;

namespace Rapport.Bench.Capacity;

/// <summary>The capacity run: how many people one install serves, counted by a stepwise ramp (see the README's
/// "Endurance" section).
///   capacity [--quick] [--postgres "..."] [--postgres-only] [--steps 250,500,1000,1500,2000] [--step-seconds 120]
///   [--keep-going] [--seed N] [--out file] [--from-build]
///   capacity --soak N [--soak-minutes 30] [--postgres "..."] [--postgres-only]: one step of N people held that long,
///   which also needs the app's memory flat (the last third of the samples within 5% of the first) to hold.
/// Exit code: 0 when every step ran produced its figures, whether or not it held; 1 when a figure is missing
/// (the run crashed, or a step had no requests, no save, no import or no backup). Timings never fail it.</summary>
public static class CapacityCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "capacity";

    public static async Task<int> RunAsync(string[] args, string repoRoot)
    {
        var settings = CapacitySettings.Parse(args, repoRoot);
        var work = Directory.CreateTempSubdirectory("rapport-capacity-").FullName;
        var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
        var summary = new StringBuilder()
            .AppendLine($"Rapport capacity ({(settings.Quick ? "quick mode: small accounts, timings not judged" : "long mode")}), {machine}, seed {settings.Seed}").AppendLine()
            .AppendLine($"Each person: their own account ({settings.Ordinary}; one person in {CapacitySettings.LargeAccountEvery}: {settings.Large}), "
                + $"a pause of {CapacitySettings.ShortestPause.TotalSeconds:0} to {CapacitySettings.LongestPause.TotalSeconds:0} s before each request, one action in three a save. "
                + $"Beside them a 1,000-row import every minute and a backup every 5 minutes. Steps of {settings.StepLength.TotalSeconds:0} s; "
                + $"a step holds with p95 under {CapacitySettings.P95TargetMs:0} ms and no error.").AppendLine();
        var results = new List<DatabaseCapacity>();
        var crashed = false;
        try
        {
            var apps = new PublishedApps(await EnduranceCommand.PublishAsync(repoRoot, work, settings.FromBuild), EmptyWeb: "");
            if (!settings.PostgresOnly) results.Add(await new CapacityRun(settings, apps, work).RunAsync(postgres: false));
            if (settings.PostgresConnection is not null) results.Add(await new CapacityRun(settings, apps, work).RunAsync(postgres: true));
            else Console.WriteLine("PostgreSQL: skipped (no --postgres connection string and no RAPPORT_BENCH_POSTGRES).");
        }
        catch (Exception e)
        {
            crashed = true;
            Console.Error.WriteLine($"The capacity run stopped: {e}");
            summary.AppendLine($"The run stopped: {e.GetType().Name}: {e.Message}").AppendLine();
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        foreach (var result in results) summary.AppendLine(result.ToMarkdown());
        Directory.CreateDirectory(Path.GetDirectoryName(settings.OutputPath)!);
        await File.WriteAllTextAsync(settings.OutputPath, summary.ToString());
        Console.WriteLine();
        Console.WriteLine(summary.ToString());
        Console.WriteLine($"Written to {settings.OutputPath}");
        var missing = results.SelectMany(r => r.Missing()).ToList();
        foreach (var m in missing) Console.Error.WriteLine("Missing figure: " + m);
        return crashed || missing.Count > 0 ? 1 : 0;
    }
}
