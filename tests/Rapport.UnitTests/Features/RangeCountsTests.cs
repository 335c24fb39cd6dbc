using Rapport.Features.Insights;

namespace Rapport.UnitTests.Features;

public class RangeCountsTests
{
    private sealed record Row(DateTime At);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(13)]
    [InlineData(53)]
    public void A_time_falls_in_the_last_range_that_starts_on_or_before_it(int ranges)
    {
        var starts = Enumerable.Range(0, ranges).Select(i => new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc).AddDays(7 * i)).ToList();
        var rangeOf = RangeCounts.RangeOf<Row>(r => r.At, starts).Compile();
        for (var i = 0; i < ranges; i++)
        {
            Assert.Equal(i, rangeOf(new Row(starts[i])));                          // its first instant
            Assert.Equal(i, rangeOf(new Row(starts[i].AddDays(7).AddTicks(-1)))); // its last
        }
        Assert.Equal(ranges - 1, rangeOf(new Row(starts[^1].AddYears(1))));       // the last range runs on (the query ends it)
    }
}
