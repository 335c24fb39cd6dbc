using System.Text.RegularExpressions;

namespace Rapport.Domain;

/// <summary>The next steps written in a reflection, one per line (a leading "-", "*", "•" or "1." is a list
/// mark, not part of the step). Each step becomes a follow-up task once: only a line that was not there at the
/// last save makes one, so saving the reflection again never doubles a task, and a task the person edited or
/// dismissed is left as they left it.</summary>
public static partial class ReflectionSteps
{
    public static IReadOnlyList<string> Lines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var steps = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var step = ListMark().Replace(line.Trim(), "").Trim();
            if (step.Length > FollowUpTask.TitleMaxLength) step = step[..(FollowUpTask.TitleMaxLength - 1)].TrimEnd() + "…";
            if (step.Length > 0 && seen.Add(Folding.Fold(step))) steps.Add(step);
        }
        return steps;
    }

    /// <summary>The steps in <paramref name="after"/> that were not in <paramref name="before"/> (compared folded).</summary>
    public static IReadOnlyList<string> Added(string? before, string? after)
    {
        var had = Lines(before).Select(Folding.Fold).ToHashSet(StringComparer.Ordinal);
        return Lines(after).Where(step => !had.Contains(Folding.Fold(step))).ToList();
    }

    [GeneratedRegex(@"^(?:[-*•–]+|\d{1,3}[.)])\s*")]
    private static partial Regex ListMark();
}
