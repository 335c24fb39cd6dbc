namespace Rapport.Features.Shared.Charts;

/// <summary>The fit rating of a career field after each conversation, as a line on a 1 to 5 scale: on the field's
/// page and on the insights page alike.</summary>
public static class FitChart
{
    public const int Lowest = 1;
    public const int Highest = 5;

    /// <param name="marks">In time order: the day (as the person reads dates), the rating, and the person talked with.</param>
    public static LineChart For(string id, string fieldName, IReadOnlyList<(string Day, int Rating, string Person)> marks) =>
        new(new ChartText(id, $"How the fit with {fieldName} has moved",
                $"Your fit rating (1 to 5) after each conversation: {string.Join("; ", marks.Select(m => $"{m.Day}, after {m.Person}: {m.Rating}"))}."),
            "Conversation date", "Fit (1 to 5)", marks.Select(m => new Point(m.Day, m.Rating, m.Person)).ToList(), Lowest, Highest, "After talking with");
}
