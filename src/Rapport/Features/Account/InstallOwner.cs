using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Account;

/// <summary>The install's owner: the account made at first-run setup, which carries a claim saying so (an
/// install set up before the claim existed: the oldest account). Only the owner administers the install as a
/// whole (backups); other accounts never learn those pages exist.</summary>
public static class InstallOwner
{
    public const string ClaimType = "rapport:install-owner";

    public static async Task<string?> IdAsync(RapportDb db, CancellationToken cancellationToken = default) =>
        await db.UserClaims.Where(c => c.ClaimType == ClaimType).Select(c => c.UserId).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Users.OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);

    public static async Task<bool> IsOwnerAsync(RapportDb db, string? userId, CancellationToken cancellationToken = default) =>
        userId is not null && await IdAsync(db, cancellationToken) == userId;
}
