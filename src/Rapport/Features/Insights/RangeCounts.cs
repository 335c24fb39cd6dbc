using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Insights;

/// <summary>Counts by month, counted by the database in one command grouped by which range a row's time falls in.
/// Reading every contact of the period to count it in C# was most of the page's time at 30,000 contacts, and the
/// growth grouped by the UTC month, not the person's. (The weekly requests are counted from rows the page reads anyway.)
/// A command with a part per range (<c>UNION ALL</c>) cost more to build and prepare than to run: 26 ms for 53 weeks.</summary>
public static class RangeCounts
{
    /// <summary>The contacts added in each range between <paramref name="bounds"/> (UTC, oldest first): by hand,
    /// imported and referred (referred wins over imported).</summary>
    public static async Task<IReadOnlyList<(int ByHand, int Imported, int Referred)>> ContactsAddedAsync(RapportDb db, IReadOnlyList<DateTime> bounds)
    {
        if (bounds.Count < 2) return [];
        // One key per month and way of coming, counted by the database: counting each way beside the total made every
        // contact go through three conditions more.
        var (from, to) = (bounds[0], bounds[^1]);
        var key = RangeOf<Contact>(c => c.CreatedAtUtc, bounds.SkipLast(1).ToList(),
            c => c.ReferredById != null || c.Source == ContactSource.Referral ? Referred : c.Imported ? Imported : ByHand);
        var found = await db.Contacts.Where(c => c.CreatedAtUtc >= from && c.CreatedAtUtc < to).GroupBy(key)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        int Count(int range, int way) => found.GetValueOrDefault(range * Ways + way);
        return Enumerable.Range(0, bounds.Count - 1).Select(i => (Count(i, ByHand), Count(i, Imported), Count(i, Referred))).ToList();
    }

    private const int ByHand = 0, Imported = 1, Referred = 2, Ways = 3;

    /// <summary>Holds the starts, so that the query reads each as a parameter: as constants, every period would be a
    /// new query for EF to compile.</summary>
    private sealed class Starts(IReadOnlyList<DateTime> at)
    {
        public readonly DateTime[] At = [.. at];
    }

    /// <summary>Which range a time falls in, for times on or after <c>starts[0]</c>: <c>at &lt; starts[k] ? ... : ...</c>,
    /// halving the ranges at each test (four tests for a year by month, six for 53 weeks, where a chain of tests made
    /// a late time go through all of them).</summary>
    public static Expression<Func<T, int>> RangeOf<T>(Expression<Func<T, DateTime>> at, IReadOnlyList<DateTime> starts) =>
        Expression.Lambda<Func<T, int>>(Ranges(at.Body, Expression.Field(Expression.Constant(new Starts(starts)), nameof(Starts.At)), 0, starts.Count), at.Parameters);

    /// <summary>The range times <see cref="Ways"/>, plus <paramref name="way"/>: one key for a range and a kind of row.</summary>
    private static Expression<Func<T, int>> RangeOf<T>(Expression<Func<T, DateTime>> at, IReadOnlyList<DateTime> starts, Expression<Func<T, int>> way)
    {
        var range = RangeOf(at, starts);
        var wayBody = new Rename(way.Parameters[0], at.Parameters[0]).Visit(way.Body);
        return Expression.Lambda<Func<T, int>>(Expression.Add(Expression.Multiply(range.Body, Expression.Constant(Ways)), wayBody), at.Parameters);
    }

    // The ranges [first, last) of the starts: the first when only one is left, else a test against the middle one.
    private static Expression Ranges(Expression at, Expression starts, int first, int last)
    {
        if (last - first == 1) return Expression.Constant(first);
        var middle = (first + last) / 2;
        return Expression.Condition(Expression.LessThan(at, Expression.ArrayIndex(starts, Expression.Constant(middle))),
            Ranges(at, starts, first, middle), Ranges(at, starts, middle, last));
    }

    private sealed class Rename(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
