namespace Rapport.Domain;

/// <summary>Requests sent week by week (Monday to Sunday on the person's calendar) against their weekly goal.</summary>
public static class WeeklyActivity
{
    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The Mondays of the <paramref name="weeks"/> weeks ending with the week of <paramref name="today"/>,
    /// oldest first: each week runs from its Monday to the next.</summary>
    public static IReadOnlyList<DateOnly> Mondays(DateOnly today, int weeks)
    {
        var current = WeekOf(today);
        return Enumerable.Range(0, weeks).Select(i => current.AddDays(-7 * (weeks - 1 - i))).ToList();
    }

    /// <summary>Consecutive weeks that met the goal, counted back from the current week. The current week is not over:
    /// it counts once it meets the goal, and until then it does not break the streak (counting starts from last week).
    /// No goal (0) makes no streak.</summary>
    public static int Streak(IReadOnlyList<(DateOnly Monday, int Requests)> weeksOldestFirst, int goal)
    {
        if (goal <= 0 || weeksOldestFirst.Count == 0) return 0;
        var streak = weeksOldestFirst[^1].Requests >= goal ? 1 : 0;
        for (var i = weeksOldestFirst.Count - 2; i >= 0 && weeksOldestFirst[i].Requests >= goal; i--) streak++;
        return streak;
    }
}
