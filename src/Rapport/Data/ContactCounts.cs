using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

/// <summary>How many contacts each person has, and how many they added in each month of the period the insights
/// show last, remembered between requests: counting 30,000 rows on every view of the people list, the home page
/// or the insights costs more than the rest of the page. Forgotten whenever contacts are saved as added or
/// removed, or as come another way (<see cref="ContactCountInterceptor"/>), after an import, and after a minute
/// in any case, so another app instance writing to the same database is never wrong for long.</summary>
public sealed class ContactCounts(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly Func<RapportDb, Task<int>> Count = EF.CompileAsyncQuery((RapportDb db) => db.Contacts.Count());

    private readonly ConcurrentDictionary<string, (int Count, DateTime At)> _counts = new(StringComparer.Ordinal);

    // One period per person, the last one asked: a person looks at one period at a time.
    private readonly ConcurrentDictionary<string, (string Period, IReadOnlyList<(int ByHand, int Imported, int Referred)> Added, DateTime At)> _added =
        new(StringComparer.Ordinal);

    public async Task<int> GetAsync(RapportDb db)
    {
        var owner = db.OwnerId ?? throw new InvalidOperationException("Contacts are counted for a signed-in person.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (_counts.TryGetValue(owner, out var known) && now - known.At < Lifetime) return known.Count;
        var count = await Count(db);
        _counts[owner] = (count, now);
        return count;
    }

    /// <summary>The contacts added in each range between <paramref name="bounds"/>, by way of coming, as
    /// <paramref name="count"/> finds them, or as it found them for the same ranges less than a minute ago.</summary>
    public async Task<IReadOnlyList<(int ByHand, int Imported, int Referred)>> AddedAsync(RapportDb db, IReadOnlyList<DateTime> bounds,
        Func<Task<IReadOnlyList<(int ByHand, int Imported, int Referred)>>> count)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(count);
        var owner = db.OwnerId ?? throw new InvalidOperationException("Contacts are counted for a signed-in person.");
        var period = string.Join(',', bounds.Select(b => b.Ticks));
        var now = clock.GetUtcNow().UtcDateTime;
        if (_added.TryGetValue(owner, out var known) && known.Period == period && now - known.At < Lifetime) return known.Added;
        var added = await count();
        _added[owner] = (period, added, now);
        return added;
    }

    public void Forget(string? owner)
    {
        if (owner is null) return;
        _counts.TryRemove(owner, out _);
        _added.TryRemove(owner, out _);
    }
}
