namespace Rapport.Domain;

/// <summary>The values a <see cref="FollowUpTask"/> may hold, whoever writes it: its dates go on the calendar feed.</summary>
public static class FollowUpTaskChecks
{
    public static IEnumerable<ValueProblem> Of(FollowUpTask task)
    {
        if (!YearRange.Holds(task.DueUtc)) yield return new(nameof(FollowUpTask.DueUtc), YearRange.Message);
        if (!YearRange.Holds(task.SnoozedUntilUtc)) yield return new(nameof(FollowUpTask.SnoozedUntilUtc), YearRange.Message);
    }
}
