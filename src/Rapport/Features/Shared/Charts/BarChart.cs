using System.Text;

namespace Rapport.Features.Shared.Charts;

/// <summary>One bar: its label, its value (what the bar's length shows), the value as the person reads it, and
/// what the table shows beside it; <paramref name="BarText"/> is written at the end of the bar when it says more than the value.</summary>
public sealed record Bar(string Label, double Value, string ValueText, IReadOnlyList<string> Details, string? BarText = null);

/// <summary>Horizontal bars, one per label, the label above its bar: long labels need no room beside the bars,
/// so the chart keeps its size on a phone. Each bar carries its label and value as data attributes.</summary>
/// <param name="Max">The value of a full-length bar: 100 for rates; the largest value when null.</param>
public sealed record BarChart(ChartText Text, string ValueHeader, IReadOnlyList<string> DetailHeaders, IReadOnlyList<Bar> Bars, double? Max = null)
{
    private const double Width = 400;
    private const double Row = 40;
    private const double BarHeight = 16;
    private const double ValueRoom = 70;

    public string Svg()
    {
        var max = Max ?? Bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var svg = new StringBuilder(Markup.Open(Text, "bar-chart", Width, Math.Max(1, Bars.Count) * Row + 4));
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var top = i * Row;
            var length = max <= 0 ? 0 : Math.Clamp(bar.Value / max, 0, 1) * (Width - ValueRoom);
            svg.Append($"<g class=\"bar\" data-label=\"{Markup.Encode(bar.Label)}\" data-value=\"{Markup.Number(bar.Value)}\">")
                .Append($"<text class=\"chart-label\" x=\"0\" y=\"{Markup.Number(top + 14)}\">{Markup.Encode(bar.Label)}</text>")
                .Append($"<rect class=\"chart-bar\" x=\"0\" y=\"{Markup.Number(top + 19)}\" width=\"{Markup.Number(Math.Max(length, 1))}\" height=\"{BarHeight}\"></rect>")
                .Append($"<text class=\"chart-value\" x=\"{Markup.Number(length + 6)}\" y=\"{Markup.Number(top + 32)}\">{Markup.Encode(bar.BarText ?? bar.ValueText)}</text>")
                .Append("</g>");
        }
        return svg.Append("</svg>").ToString();
    }

    public string Table() => Markup.Table(Text, ["", ValueHeader, .. DetailHeaders],
        Bars.Select(b => (IReadOnlyList<string>)[b.Label, b.ValueText, .. b.Details]));
}
