using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;

namespace Rapport.Bench;

/// <summary>The floor: an empty web app (the template of <c>dotnet new web</c>) started the same way.</summary>
public sealed record EmptyAppFigures(double ColdStartSeconds, long IdleBytes)
{
    public static async Task<EmptyAppFigures> MeasureAsync(string dll, BenchSettings settings)
    {
        Console.WriteLine("Empty web app: cold starts and idle memory...");
        var starts = new List<double>();
        var idle = new List<double>();
        using var client = new HttpClient();
        for (var run = -1; run < settings.Runs; run++)
        {
            await using var app = AppProcess.Start(dll, new Dictionary<string, string>());
            var started = await app.WaitForOkAsync(client, "/healthz");
            await Task.Delay(TimeSpan.FromSeconds(2));
            if (run < 0) continue;
            starts.Add(started.TotalSeconds);
            idle.Add(app.ResidentBytes);
        }
        return new EmptyAppFigures(Load.Median(starts), (long)Load.Median(idle));
    }
}
