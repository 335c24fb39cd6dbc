using System.Text;

namespace Rapport.Bench.Capacity;

/// <summary>One database's ramp and the one number it gives: the most people of a step that held, before the
/// first that did not.</summary>
public sealed record DatabaseCapacity(string Database, IReadOnlyList<StepResult> Steps)
{
    public int? People => Steps.TakeWhile(s => s.Held).Select(s => (int?)s.People).LastOrDefault();

    public string Line
    {
        get
        {
            if (Steps.Count == 0) return $"Capacity on {Database}: no step ran";
            if (Steps is [{ MemoryJudged: true } soak])
                return $"Soak on {Database}: {soak.People:N0} people for {soak.Elapsed.TotalMinutes:0} min, p95 {Measure.Report.Ms(soak.P95)}, {soak.Errors} errors, "
                    + $"memory {(soak.MemoryGrowth is double growth ? growth.ToString("+0.0%;-0.0%", System.Globalization.CultureInfo.InvariantCulture) : "not judged")}: {(soak.Held ? "held" : "NOT HELD")}";
            var firstMiss = Steps.FirstOrDefault(s => !s.Held);
            return People is int people
                ? $"Capacity on {Database}: {people:N0} people" + (firstMiss is null ? " (every step held: it may hold more)" : $" ({firstMiss.People:N0} did not hold)")
                : $"Capacity on {Database}: fewer than {Steps[0].People:N0} people (the first step did not hold)";
        }
    }

    public IEnumerable<string> Missing() => Steps.Count == 0 ? [$"{Database}: no step ran"] : Steps.SelectMany(s => s.Missing()).Select(m => $"{Database}, {m}");

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Database).AppendLine().AppendLine(StepResult.Heading);
        foreach (var step in Steps) text.AppendLine(step.Row);
        text.AppendLine().AppendLine(Line).AppendLine();
        foreach (var step in Steps) text.AppendLine($"- At {step.People:N0} people, the slowest by p95 (requests): {step.Slowest}; {step.MemoryLine}.");
        foreach (var step in Steps.Where(s => s.FirstErrors.Count > 0))
        {
            text.AppendLine().AppendLine($"First errors at {step.People:N0} people:");
            foreach (var error in step.FirstErrors) text.AppendLine("- " + error);
        }
        return text.ToString();
    }
}
