using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Account;

/// <summary>The install's owner: the account made first (at first-run setup). Only the owner administers
/// the install as a whole (backups); other accounts never learn those pages exist.</summary>
public static class InstallOwner
{
    public static Task<string?> IdAsync(RapportDb db, CancellationToken cancellationToken = default) =>
        db.Users.OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);

    public static async Task<bool> IsOwnerAsync(RapportDb db, string? userId, CancellationToken cancellationToken = default) =>
        userId is not null && await IdAsync(db, cancellationToken) == userId;
}
