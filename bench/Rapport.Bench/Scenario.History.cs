using Rapport.Bench.Data;
using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;
using static Rapport.Bench.Measure.Report;

namespace Rapport.Bench;

/// <summary>The LinkedIn history figure: the full export of a 30,000-connection network with 20,000 messages imported
/// into a new account, upload to the page after confirming, people and history together (issue 15, point 7).</summary>
public sealed partial class Scenario
{
    public const int HistoryMessages = 20_000;
    public const int HistoryInvitations = 3_000;

    public static IEnumerable<string> HistoryFigures(string prefix) =>
        [prefix + "LinkedIn history import (the whole export, with messages), end to end"];

    /// <summary>Measures the history import on this scenario's database, into <paramref name="report"/>.</summary>
    public async Task MeasureHistoryAsync()
    {
        var connections = ConnectionsGenerator.Generate(settings.Contacts, settings.Companies, settings.Seed);
        var export = HistoryGenerator.Generate(connections, settings.Quick ? HistoryInvitations / 10 : HistoryInvitations,
            settings.Quick ? HistoryMessages / 10 : HistoryMessages, settings.Seed);
        var times = new List<double>();
        for (var run = -1; run < settings.Runs; run++)
        {
            var db = await NewDatabaseAsync();
            await using (var app = await StartAsync(db, openRegistration: true))
            {
                using var session = new RapportSession(app.Address);
                await session.SetUpOwnerAsync();
                using (var other = new RapportSession(app.Address))
                {
                    // Code compiled and warm, as in a working app: another account imports a small export first.
                    await other.RegisterAsync("warm-up@rapport.example");
                    await other.ImportLinkedInAsync(HistoryGenerator.Generate(ConnectionsGenerator.Generate(200, 40, settings.Seed + 1), 50, 300, settings.Seed + 1), withHistory: true);
                }
                var seconds = await Timed(() => session.ImportLinkedInAsync(export, withHistory: true));
                if (run >= 0) times.Add(seconds);
                Console.WriteLine($"  history import: {seconds:0.00} s");
            }
            await DropAsync(db);
        }
        var median = Load.Median(times);
        var messages = settings.Quick ? HistoryMessages / 10 : HistoryMessages;
        report.Add(new Row(HistoryFigures(Prefix).Single(), Seconds(median),
            $"{settings.Contacts:N0} connections, {messages:N0} messages, {(settings.Quick ? HistoryInvitations / 10 : HistoryInvitations):N0} invitations", "", "< 10 s", median < 10));
    }
}
