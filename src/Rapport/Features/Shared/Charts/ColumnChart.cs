using System.Text;

namespace Rapport.Features.Shared.Charts;

/// <summary>One series of a column chart: its name (the legend and the table's header) and the class that colours it.</summary>
public sealed record Series(string Name, string Class, IReadOnlyList<int> Values);

/// <summary>Columns over time (weeks, months), each stacked from its series, with an optional goal line and
/// labelled axes. Each piece of a column carries its category, series and value as data attributes.</summary>
public sealed record ColumnChart(ChartText Text, string XTitle, string YTitle, IReadOnlyList<string> Categories, IReadOnlyList<Series> Series, int? Goal = null)
{
    private const double Width = 400;
    private const double Height = 220;
    private const double Left = 34;
    private const double Bottom = 40;
    private const double Top = 10;

    public string Svg()
    {
        var totals = Categories.Select((_, i) => Series.Sum(s => s.Values[i])).ToList();
        var max = Math.Max(1, Math.Max(totals.DefaultIfEmpty(0).Max(), Goal ?? 0));
        var plot = Height - Bottom - Top;
        double Y(double value) => Top + plot - value / max * plot;
        var slot = (Width - Left) / Math.Max(1, Categories.Count);
        var svg = new StringBuilder(Markup.Open(Text, "column-chart", Width, Height + (Series.Count > 1 ? 20 : 0)));
        svg.Append($"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{Markup.Number(Y(0))}\" x2=\"{Width}\" y2=\"{Markup.Number(Y(0))}\"></line>")
            .Append($"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Markup.Number(Y(0))}\"></line>")
            .Append($"<text class=\"chart-tick\" x=\"{Left - 4}\" y=\"{Markup.Number(Y(0))}\" text-anchor=\"end\">0</text>")
            .Append($"<text class=\"chart-tick\" x=\"{Left - 4}\" y=\"{Markup.Number(Y(max) + 8)}\" text-anchor=\"end\">{max}</text>")
            .Append($"<text class=\"chart-axis-title\" x=\"{Markup.Number(Left + (Width - Left) / 2)}\" y=\"{Markup.Number(Height - 4)}\" text-anchor=\"middle\">{Markup.Encode(XTitle)}</text>")
            .Append($"<text class=\"chart-axis-title\" x=\"10\" y=\"{Markup.Number(Top + plot / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 10 {Markup.Number(Top + plot / 2)})\">{Markup.Encode(YTitle)}</text>");
        for (var i = 0; i < Categories.Count; i++)
        {
            var x = Left + i * slot + slot * 0.15;
            double stacked = 0;
            svg.Append($"<g class=\"column\" data-label=\"{Markup.Encode(Categories[i])}\">");
            foreach (var series in Series)
            {
                var value = series.Values[i];
                svg.Append($"<rect class=\"chart-bar {series.Class}\" data-series=\"{Markup.Encode(series.Name)}\" data-value=\"{value}\" x=\"{Markup.Number(x)}\" " +
                    $"y=\"{Markup.Number(Y(stacked + value))}\" width=\"{Markup.Number(slot * 0.7)}\" height=\"{Markup.Number(Y(stacked) - Y(stacked + value))}\"></rect>");
                stacked += value;
            }
            // Every other label on a crowded axis, so they do not run into each other on a phone.
            if (Categories.Count <= 6 || (Categories.Count - 1 - i) % 2 == 0)
                svg.Append($"<text class=\"chart-tick\" x=\"{Markup.Number(Left + i * slot + slot / 2)}\" y=\"{Markup.Number(Y(0) + 14)}\" text-anchor=\"middle\">{Markup.Encode(Categories[i])}</text>");
            svg.Append("</g>");
        }
        if (Goal is int goal)
            svg.Append($"<line class=\"chart-goal\" data-goal=\"{goal}\" x1=\"{Left}\" y1=\"{Markup.Number(Y(goal))}\" x2=\"{Width}\" y2=\"{Markup.Number(Y(goal))}\"></line>")
                .Append($"<text class=\"chart-tick\" x=\"{Width - 2}\" y=\"{Markup.Number(Y(goal) - 4)}\" text-anchor=\"end\">goal {goal}</text>");
        if (Series.Count > 1)
            for (var s = 0; s < Series.Count; s++)
                svg.Append($"<rect class=\"chart-bar {Series[s].Class}\" x=\"{Left + s * 120}\" y=\"{Height + 6}\" width=\"10\" height=\"10\"></rect>")
                    .Append($"<text class=\"chart-tick\" x=\"{Left + s * 120 + 14}\" y=\"{Height + 15}\">{Markup.Encode(Series[s].Name)}</text>");
        return svg.Append("</svg>").ToString();
    }

    public string Table() => Markup.Table(Text, [XTitle, .. Series.Select(s => s.Name)],
        Categories.Select((c, i) => (IReadOnlyList<string>)[c, .. Series.Select(s => s.Values[i].ToString(System.Globalization.CultureInfo.InvariantCulture))]));
}
