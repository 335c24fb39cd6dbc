using System.Globalization;
using System.Text;

namespace Rapport.Bench.Measure;

/// <summary>One line of the table: a figure beside its baseline and its target.</summary>
/// <param name="Met">null when the row has no target (shown for information).</param>
public sealed record Row(string Figure, string Value, string Baseline, string Ratio, string Target, bool? Met);

/// <summary>The benchmark's one table, in Markdown.</summary>
public sealed class Report
{
    private readonly List<Row> _rows = [];

    public IReadOnlyList<Row> Rows => _rows;

    public void Add(Row row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Figure}: {row.Value} (baseline {row.Baseline}, {row.Ratio}) {(row.Met is null ? "" : row.Met.Value ? "met" : "NOT MET")}");
    }

    public string ToMarkdown(string heading)
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine();
        text.AppendLine("| figure | value | baseline | ratio | target | met |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Value} | {row.Baseline} | {row.Ratio} | {row.Target} | {(row.Met is null ? "" : row.Met.Value ? "met" : "**not met**")} |");
        return text.ToString();
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB";

    public static string PerSecond(double value) => value.ToString("0", CultureInfo.InvariantCulture) + "/s";

    public static string Times(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "";
}
