using System.Globalization;
using System.Net;

namespace Rapport.Features.Shared.Charts;

/// <summary>What a chart says about itself: its id (for aria-labelledby), its title, and a sentence describing
/// what it shows, read out by screen readers and shown where the picture is not.</summary>
public sealed record ChartText(string Id, string Title, string Description);

/// <summary>The small pieces of markup every chart writes the same way.</summary>
public static class Markup
{
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number as SVG and data attributes take it: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The opening of a chart: sized by its viewBox only (a stylesheet sets width 100%), so it fits a phone,
    /// and named by its title and description.</summary>
    public static string Open(ChartText text, string kind, double width, double height) =>
        $"<svg class=\"chart {kind}\" id=\"{text.Id}\" viewBox=\"0 0 {Number(width)} {Number(height)}\" role=\"img\" " +
        $"aria-labelledby=\"{text.Id}-title {text.Id}-desc\" preserveAspectRatio=\"xMinYMin meet\">" +
        $"<title id=\"{text.Id}-title\">{Encode(text.Title)}</title><desc id=\"{text.Id}-desc\">{Encode(text.Description)}</desc>";

    /// <summary>The "show as table" alternative: the same numbers, for screen readers, for copying, and for print.</summary>
    public static string Table(ChartText text, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var html = new System.Text.StringBuilder();
        html.Append($"<details class=\"chart-table\" data-chart=\"{text.Id}\"><summary>Show as table</summary><table><caption>{Encode(text.Title)}</caption><thead><tr>");
        foreach (var header in headers) html.Append($"<th scope=\"col\">{Encode(header)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
                html.Append(i == 0 ? $"<th scope=\"row\">{Encode(row[i])}</th>" : $"<td>{Encode(row[i])}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></details>").ToString();
    }
}
