using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Calendar feed tokens: 256 random bits with a recognisable prefix, kept only as a SHA-256
/// hash. Finding the owner of a token is the one lookup that cannot start from a signed-in user.</summary>
public static class CalendarFeedTokens
{
    public static string NewToken() =>
        CalendarFeed.TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The feed for <paramref name="token"/>, or null; a malformed token never reaches the database.</summary>
    public static Task<CalendarFeed?> FindAsync(RapportDb db, string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(CalendarFeed.TokenPrefix, StringComparison.Ordinal) || token.Length > 100) return Task.FromResult<CalendarFeed?>(null);
        var hash = Hash(token);
        return db.CalendarFeeds.IgnoreQueryFilters([RapportDb.OwnerFilter]).AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, cancellationToken);
    }
}
