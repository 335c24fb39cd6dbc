using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

/// <summary>How many contacts each person has, remembered between requests: counting 30,000 rows on every
/// view of the people list or the home page costs more than the rest of the page. Forgotten whenever
/// contacts are saved as added or removed (<see cref="ContactCountInterceptor"/>) and after an import, and
/// after a minute in any case, so another app instance writing to the same database is never wrong for long.</summary>
public sealed class ContactCounts(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly Func<RapportDb, Task<int>> Count = EF.CompileAsyncQuery((RapportDb db) => db.Contacts.Count());

    private readonly ConcurrentDictionary<string, (int Count, DateTime At)> _counts = new(StringComparer.Ordinal);

    public async Task<int> GetAsync(RapportDb db)
    {
        var owner = db.OwnerId ?? throw new InvalidOperationException("Contacts are counted for a signed-in person.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (_counts.TryGetValue(owner, out var known) && now - known.At < Lifetime) return known.Count;
        var count = await Count(db);
        _counts[owner] = (count, now);
        return count;
    }

    public void Forget(string? owner)
    {
        if (owner is not null) _counts.TryRemove(owner, out _);
    }
}
