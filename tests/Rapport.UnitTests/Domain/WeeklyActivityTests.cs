using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class WeeklyActivityTests
{
    private static readonly DateOnly Friday = new(2026, 11, 27);

    [Fact]
    public void Weeks_run_Monday_to_Sunday_and_end_with_this_week()
    {
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], WeeklyActivity.Mondays(Friday, 3));
        Assert.Equal([new DateOnly(2026, 11, 23)], WeeklyActivity.Mondays(new DateOnly(2026, 11, 23), 1)); // a Monday is its own week
        Assert.Equal([new DateOnly(2026, 11, 23)], WeeklyActivity.Mondays(new DateOnly(2026, 11, 29), 1)); // and Sunday ends it
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2, 0 }, 2, 3)]  // this week not met yet: the streak runs to last week
    [InlineData(new[] { 2, 2, 2, 2 }, 2, 4)]  // this week met: it counts
    [InlineData(new[] { 2, 0, 2, 1 }, 2, 1)]  // broken two weeks ago
    [InlineData(new[] { 0, 0, 0, 0 }, 2, 0)]
    [InlineData(new[] { 5, 5, 5, 5 }, 0, 0)]  // no goal, no streak
    public void The_streak_counts_back_from_this_week_which_counts_only_once_met(int[] requests, int goal, int streak)
    {
        var weeks = requests.Select((r, i) => (new DateOnly(2026, 11, 2).AddDays(7 * i), r)).ToList();
        Assert.Equal(streak, WeeklyActivity.Streak(weeks, goal));
    }
}
