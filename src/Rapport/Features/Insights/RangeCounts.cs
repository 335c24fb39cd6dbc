using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Insights;

/// <summary>Counts by week or month, counted by the database in one command: a part per range of time, each read from
/// an index by time and summed there. Reading every row to count it in C# (a year of requests for the streak, every
/// contact of the period for the growth) was most of the page's time at 30,000 contacts, and the growth grouped by
/// the UTC month, not the person's.</summary>
public static class RangeCounts
{
    // Set by member, not by constructor: EF puts a set operation together only from projections it can translate.
    private sealed class Counted
    {
        public int Range { get; init; }
        public int All { get; init; }
        public int Referred { get; init; }
        public int Imported { get; init; }
    }

    /// <summary>The requests sent in each week starting on <paramref name="mondays"/> (the person's Mondays, oldest
    /// first, in UTC), the last week ending at <paramref name="end"/>.</summary>
    public static async Task<IReadOnlyList<int>> RequestsByWeekAsync(RapportDb db, IReadOnlyList<DateTime> mondays, DateTime end,
        IReadOnlyCollection<TemplatePurpose> purposes)
    {
        IQueryable<Counted>? counts = null;
        for (var i = 0; i < mondays.Count; i++)
        {
            var (from, to, range) = (mondays[i], i + 1 < mondays.Count ? mondays[i + 1] : end, i);
            var part = db.OutreachAttempts.Where(a => a.SentAtUtc >= from && a.SentAtUtc < to && purposes.Contains(a.Purpose))
                .GroupBy(a => 1).Select(g => new Counted { Range = range, All = g.Count() });
            counts = counts is null ? part : counts.Concat(part);
        }
        var found = counts is null ? [] : await counts.ToDictionaryAsync(c => c.Range, c => c.All);
        return Enumerable.Range(0, mondays.Count).Select(i => found.GetValueOrDefault(i)).ToList();
    }

    /// <summary>The contacts added in each range between <paramref name="bounds"/> (UTC, oldest first): by hand,
    /// imported and referred (referred wins over imported).</summary>
    public static async Task<IReadOnlyList<(int ByHand, int Imported, int Referred)>> ContactsAddedAsync(RapportDb db, IReadOnlyList<DateTime> bounds)
    {
        IQueryable<Counted>? counts = null;
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var (from, to, range) = (bounds[i], bounds[i + 1], i);
            var part = db.Contacts.Where(c => c.CreatedAtUtc >= from && c.CreatedAtUtc < to).GroupBy(c => 1).Select(g => new Counted
            {
                Range = range,
                All = g.Count(),
                Referred = g.Count(c => c.ReferredById != null || c.Source == ContactSource.Referral),
                Imported = g.Count(c => c.Imported && c.ReferredById == null && c.Source != ContactSource.Referral),
            });
            counts = counts is null ? part : counts.Concat(part);
        }
        var found = counts is null ? [] : await counts.ToDictionaryAsync(c => c.Range);
        return Enumerable.Range(0, Math.Max(0, bounds.Count - 1)).Select(i => found.GetValueOrDefault(i) is { } c
            ? (c.All - c.Referred - c.Imported, c.Imported, c.Referred) : (0, 0, 0)).ToList();
    }
}
