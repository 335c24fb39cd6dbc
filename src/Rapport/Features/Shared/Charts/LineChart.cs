using System.Text;

namespace Rapport.Features.Shared.Charts;

/// <summary>One point of a line: where it sits on the x axis (its label), its value, and a note for the table.</summary>
public sealed record Point(string Label, double Value, string Note = "");

/// <summary>A line through points taken in order, on labelled axes from <see cref="Min"/> to <see cref="Max"/>
/// with a tick on every whole step; a single point is drawn as a dot on the same axes. Each point carries its
/// label and value as data attributes.</summary>
public sealed record LineChart(ChartText Text, string XTitle, string YTitle, IReadOnlyList<Point> Points, double Min, double Max, string NoteHeader = "")
{
    private const double Width = 400;
    private const double Height = 200;
    private const double Left = 40;
    private const double Bottom = 44;
    private const double Top = 10;
    private const double Right = 16;

    public string Svg()
    {
        var plot = Height - Bottom - Top;
        var span = Math.Max(1, Max - Min);
        double Y(double value) => Top + plot - (Math.Clamp(value, Min, Max) - Min) / span * plot;
        var step = (Width - Left - Right) / Math.Max(1, Points.Count - 1);
        double X(int i) => Points.Count == 1 ? Left + (Width - Left - Right) / 2 : Left + i * step;
        var svg = new StringBuilder(Markup.Open(Text, "line-chart", Width, Height));
        svg.Append($"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{Markup.Number(Y(Min))}\" x2=\"{Width - Right}\" y2=\"{Markup.Number(Y(Min))}\"></line>")
            .Append($"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Markup.Number(Y(Min))}\"></line>");
        var tickEvery = Math.Max(1, Math.Ceiling(span / 5));
        for (var tick = Min; tick <= Max; tick += tickEvery)
            svg.Append($"<line class=\"chart-grid\" x1=\"{Left}\" y1=\"{Markup.Number(Y(tick))}\" x2=\"{Width - Right}\" y2=\"{Markup.Number(Y(tick))}\"></line>")
                .Append($"<text class=\"chart-tick\" x=\"{Left - 6}\" y=\"{Markup.Number(Y(tick) + 4)}\" text-anchor=\"end\">{Markup.Number(tick)}</text>");
        svg.Append($"<text class=\"chart-axis-title\" x=\"{Markup.Number(Left + (Width - Left - Right) / 2)}\" y=\"{Height - 4}\" text-anchor=\"middle\">{Markup.Encode(XTitle)}</text>")
            .Append($"<text class=\"chart-axis-title\" x=\"12\" y=\"{Markup.Number(Top + plot / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {Markup.Number(Top + plot / 2)})\">{Markup.Encode(YTitle)}</text>");
        if (Points.Count > 1)
            svg.Append($"<polyline class=\"chart-line\" points=\"{string.Join(' ', Points.Select((p, i) => $"{Markup.Number(X(i))},{Markup.Number(Y(p.Value))}"))}\"></polyline>");
        var labelEvery = (int)Math.Ceiling(Points.Count / 6.0);
        for (var i = 0; i < Points.Count; i++)
        {
            var p = Points[i];
            svg.Append($"<g class=\"point\" data-label=\"{Markup.Encode(p.Label)}\" data-value=\"{Markup.Number(p.Value)}\">")
                .Append($"<circle class=\"chart-dot\" cx=\"{Markup.Number(X(i))}\" cy=\"{Markup.Number(Y(p.Value))}\" r=\"5\"><title>{Markup.Encode($"{p.Label}: {Markup.Number(p.Value)}")}</title></circle>");
            if (i % labelEvery == 0 || i == Points.Count - 1)
                svg.Append($"<text class=\"chart-tick\" x=\"{Markup.Number(X(i))}\" y=\"{Markup.Number(Y(Min) + 16)}\" text-anchor=\"middle\">{Markup.Encode(p.Label)}</text>");
            svg.Append("</g>");
        }
        return svg.Append("</svg>").ToString();
    }

    public string Table() => Markup.Table(Text, NoteHeader.Length == 0 ? [XTitle, YTitle] : [XTitle, YTitle, NoteHeader],
        Points.Select(p => NoteHeader.Length == 0 ? (IReadOnlyList<string>)[p.Label, Markup.Number(p.Value)] : [p.Label, Markup.Number(p.Value), p.Note]));
}
