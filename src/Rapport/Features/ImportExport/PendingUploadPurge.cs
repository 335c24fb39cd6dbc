using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;

namespace Rapport.Features.ImportExport;

/// <summary>Removes, for every account, uploads that waited more than a day for a confirmation. It runs outside any
/// request, so it names no owner and reads past the owner filter; it touches only pending uploads.</summary>
public sealed class PendingUploadPurge(IServiceScopeFactory scopes, TimeProvider clock) : IHourlyPass
{
    public string DoneMessage => "Removed {Count} uploads that waited more than a day for a confirmation";

    public string FailedMessage => "Removing old uploads failed; it will try again";

    /// <returns>How many uploads were removed.</returns>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken = default) => scopes.RunOutsideRequestAsync(null, async services =>
    {
        var before = PendingImport.ExpiredBefore(clock.GetUtcNow().UtcDateTime);
        var db = services.GetRequiredService<RapportDb>();
        return await db.PendingImports.IgnoreQueryFilters().Where(p => p.CreatedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    });
}
