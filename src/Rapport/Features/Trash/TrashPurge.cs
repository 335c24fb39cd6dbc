using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.FollowUps;

namespace Rapport.Features.Trash;

/// <summary>Removes for good, for every account, what has been in the trash for more than 30 days. It runs outside
/// any request, so it names no owner and reads past both query filters; it touches only trashed rows.</summary>
public sealed class TrashPurge(IServiceScopeFactory scopes, TimeProvider clock) : IHourlyPass
{
    public string DoneMessage => "Removed {Count} items that were in the trash for more than 30 days";

    public string FailedMessage => "Emptying old items from the trash failed; it will try again";

    /// <returns>How many contacts and conversations were removed.</returns>
    /// <remarks>What is in the trash is out of the follow-up rules' sight, so removing it changes no fact they read;
    /// it still runs as work outside a request, so a write added here later is followed by the rule pass.</remarks>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken = default) => scopes.RunOutsideRequestAsync(null, async services =>
    {
        var before = Domain.Trash.ExpiredBefore(clock.GetUtcNow().UtcDateTime);
        var db = services.GetRequiredService<RapportDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conversations first: those of an expired contact would go with it anyway, by cascade.
        var removed = await db.Conversations.IgnoreQueryFilters().Where(c => c.DeletedAtUtc != null && c.DeletedAtUtc < before)
                .ExecuteDeleteAsync(cancellationToken)
            + await db.Contacts.IgnoreQueryFilters().Where(c => c.DeletedAtUtc != null && c.DeletedAtUtc < before)
                .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    });
}
