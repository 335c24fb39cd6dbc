using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;

namespace Rapport.Features.ImportExport;

/// <summary>Removes, for every account, uploads that waited more than a day for a confirmation. It runs outside any
/// request, so it names no owner and reads past the owner filter; it touches only pending uploads.</summary>
public sealed class PendingUploadPurge(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <returns>How many uploads were removed.</returns>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken = default) => scopes.RunOutsideRequestAsync(null, async services =>
    {
        var before = PendingImport.ExpiredBefore(clock.GetUtcNow().UtcDateTime);
        var db = services.GetRequiredService<RapportDb>();
        return await db.PendingImports.IgnoreQueryFilters().Where(p => p.CreatedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    });
}

/// <summary>Runs <see cref="PendingUploadPurge"/> at start-up and then every hour, so no upload stays much past its day.</summary>
public sealed class PendingUploadPurgeService(PendingUploadPurge purge, DatabaseReadiness database, ILogger<PendingUploadPurgeService> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.Ready.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var removed = await purge.RunOnceAsync(stoppingToken);
                if (removed > 0) log.LogInformation("Removed {Count} uploads that waited more than a day for a confirmation", removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Removing old uploads failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
