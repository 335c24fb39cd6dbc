using Rapport.Data;

namespace Rapport.Features.FollowUps;

/// <summary>Work done for every account at start-up and then every hour (emptying the trash, removing uploads
/// that were never confirmed). Each pass runs outside any request, through <see cref="WorkOutsideRequests"/>.</summary>
public interface IHourlyPass
{
    /// <returns>How many things it removed or changed.</returns>
    Task<int> RunOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>The log line for a pass that did something, with a {Count} placeholder.</summary>
    string DoneMessage { get; }

    /// <summary>The log line for a pass that failed; it tries again the next hour.</summary>
    string FailedMessage { get; }
}

/// <summary>Runs every <see cref="IHourlyPass"/> at start-up and then every hour, one after the other, so no pass
/// leaves its work much past its time; one pass failing does not stop the others.</summary>
public sealed class HourlyPasses(IEnumerable<IHourlyPass> passes, DatabaseReadiness database, ILogger<HourlyPasses> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

#pragma warning disable CA2254 // Each pass names its own fixed message templates.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await database.WaitUntilReadyAsync(stoppingToken)) return;
        using var timer = new PeriodicTimer(Every);
        do
        {
            foreach (var pass in passes)
            {
                try
                {
                    var count = await pass.RunOnceAsync(stoppingToken);
                    if (count > 0) log.LogInformation(pass.DoneMessage, count);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, pass.FailedMessage);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
#pragma warning restore CA2254
}
