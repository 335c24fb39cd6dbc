using System.Runtime.InteropServices;
using System.Text;

namespace Rapport.Bench.Endurance;

/// <summary>The load and crash runs: see the README's "Endurance" section.
///   load | crash | endurance (both) [--quick] [--postgres "..."] [--minutes 5] [--soak-minutes 30] [--pg-minutes 2]
///   [--clients 50] [--pg-clients 200] [--kills 200] [--seed N] [--out file] [--from-build] [--postgres-only]
/// Exit code: 0 when everything passed, 1 when the load run failed, 2 when the crash run failed, 3 when both did.</summary>
public static class EnduranceCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "load" or "crash" or "endurance";

    public static async Task<int> RunAsync(string[] args, string repoRoot)
    {
        var mode = args[0];
        var settings = EnduranceSettings.Parse(args, repoRoot);
        var work = Directory.CreateTempSubdirectory("rapport-endurance-").FullName;
        var summary = new StringBuilder();
        var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
        summary.AppendLine($"Rapport endurance ({(settings.Quick ? "quick" : "long")} mode), {machine}").AppendLine();
        try
        {
            var apps = new PublishedApps(await PublishAsync(repoRoot, work, fromBuild: settings.Quick || args.Contains("--from-build")), EmptyWeb: "");
            var postgresOnly = args.Contains("--postgres-only") && settings.PostgresConnection is not null;
            var loadOk = true;
            var crashOk = true;
            if (mode is "load" or "endurance")
            {
                var load = new LoadRun(settings, apps, work, summary);
                if (!postgresOnly) loadOk = await load.RunAsync(postgres: false);
                if (settings.PostgresConnection is not null) loadOk &= await load.RunAsync(postgres: true);
            }
            if (mode is "crash" or "endurance")
            {
                // A run per database: a run keeps what it saw acknowledged, which the other database never held.
                if (!postgresOnly) crashOk = await new CrashRun(settings, apps, work, summary).RunAsync(postgres: false);
                if (settings.PostgresConnection is not null) crashOk &= await new CrashRun(settings, apps, work, summary).RunAsync(postgres: true);
            }
            if (settings.PostgresConnection is null)
            {
                Console.WriteLine("PostgreSQL: skipped (no --postgres connection string and no RAPPORT_BENCH_POSTGRES).");
                summary.AppendLine("PostgreSQL: not run.");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(settings.OutputPath)!);
            await File.WriteAllTextAsync(settings.OutputPath, summary.ToString());
            Console.WriteLine($"Written to {settings.OutputPath}");
            return (loadOk ? 0 : 1) + (crashOk ? 0 : 2);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The long mode publishes the app the way the README tells a self-hoster to (compiled ahead of time
    /// for this platform). The quick mode (or <c>--from-build</c>) publishes the Release build already made, which
    /// takes seconds instead of minutes; start-up is then slower, which only widens the crash runs' start-up window.</summary>
    internal static async Task<string> PublishAsync(string repoRoot, string work, bool fromBuild)
    {
        var output = Path.Combine(work, "app");
        var project = Path.Combine(repoRoot, "src", "Rapport", "Rapport.csproj");
        Console.WriteLine($"Publishing Rapport (Release{(fromBuild ? ", from the existing build" : ", ahead-of-time compiled")})...");
        var arguments = fromBuild
            ? $"publish \"{project}\" -c Release --no-build -o \"{output}\" --nologo -v q"
            : $"publish \"{project}\" -c Release -r {RuntimeInformation.RuntimeIdentifier} --self-contained false -p:PublishReadyToRun=true -o \"{output}\" --nologo -v q";
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {arguments} failed:\n{await stdout}\n{await stderr}");
        return Path.Combine(output, "Rapport.dll");
    }
}
