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

    /// <param name="months">In time order: the month, the average rating of the conversations rated in it, and how many.</param>
    public static LineChart ByMonth(string id, string fieldName, IReadOnlyList<(string Month, double Average, int Rated)> months) =>
        new(new ChartText(id, $"How the fit with {fieldName} has moved",
                $"Your average fit rating (1 to 5) by month: {string.Join("; ", months.Select(m => $"{m.Month}: {Markup.Number(m.Average)} over {m.Rated} {(m.Rated == 1 ? "conversation" : "conversations")}"))}."),
            "Month", "Average fit (1 to 5)", months.Select(m => new Point(m.Month, m.Average, m.Rated.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            Lowest, Highest, "Conversations rated");
}
