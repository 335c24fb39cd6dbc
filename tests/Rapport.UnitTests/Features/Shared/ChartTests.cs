using System.Xml.Linq;
using Rapport.Features.Shared.Charts;

namespace Rapport.UnitTests.Features.Shared;

/// <summary>The charts are drawn on the server as SVG: named for screen readers, sized to fit any screen, styled
/// by classes only (the CSP refuses style attributes), and carrying their data so the table can be checked against them.</summary>
public class ChartTests
{
    private static readonly XNamespace None = "";

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static void AssertNamedAndFitting(XElement svg, string id)
    {
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal($"{id}-title {id}-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal($"{id}-title", (string?)svg.Element("title")!.Attribute("id"));
        Assert.Equal($"{id}-desc", (string?)svg.Element("desc")!.Attribute("id"));
        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.Null(svg.Attribute("width"));
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void A_bar_chart_draws_each_bar_in_proportion_and_writes_its_value()
    {
        var chart = new BarChart(new ChartText("c", "Reply rate", "Two groups <&>"), "Rate", ["Asked"],
            [new Bar("Alumni", 100, "100%", ["2"]), new Bar("Cold contact", 25, "25%", ["4"], BarText: "25% · 1 of 4")], Max: 100);
        var svg = Parse(chart.Svg());
        AssertNamedAndFitting(svg, "c");
        Assert.Equal("Two groups <&>", svg.Element("desc")!.Value);
        var bars = svg.Elements("g").ToList();
        Assert.Equal(["Alumni", "Cold contact"], bars.Select(b => (string)b.Attribute("data-label")!));
        Assert.Equal(["100", "25"], bars.Select(b => (string)b.Attribute("data-value")!));
        var widths = bars.Select(b => double.Parse((string)b.Element("rect")!.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, widths[0] / widths[1], 3);
        Assert.Equal("25% · 1 of 4", bars[1].Elements("text").Last().Value);

        var table = XElement.Parse(chart.Table());
        Assert.Equal(["", "Rate", "Asked"], table.Descendants("thead").Descendants("th").Select(t => t.Value));
        Assert.Equal([["Alumni", "100%", "2"], ["Cold contact", "25%", "4"]],
            table.Descendants("tbody").Descendants("tr").Select(tr => tr.Elements().Select(c => c.Value).ToArray()));
    }

    [Fact]
    public void A_bar_chart_of_zeros_draws_without_dividing_by_zero()
    {
        var svg = Parse(new BarChart(new ChartText("z", "t", "d"), "n", [], [new Bar("a", 0, "0", [])]).Svg());
        Assert.DoesNotContain("NaN", svg.ToString());
    }

    [Fact]
    public void A_column_chart_stacks_its_series_and_draws_the_goal_line_at_its_height()
    {
        var chart = new ColumnChart(new ChartText("w", "Weekly", "d"), "Week of", "Requests", ["Nov 2", "Nov 9"],
            [new Series("By hand", "series-1", [1, 3]), new Series("Imported", "series-2", [1, 0])], Goal: 2);
        var svg = Parse(chart.Svg());
        AssertNamedAndFitting(svg, "w");
        var columns = svg.Elements("g").Where(g => (string?)g.Attribute("class") == "column").ToList();
        Assert.Equal(["Nov 2", "Nov 9"], columns.Select(c => (string)c.Attribute("data-label")!));
        Assert.Equal(["1", "1"], columns[0].Elements("rect").Select(r => (string)r.Attribute("data-value")!));
        // The first column is 2 high, the goal 2: the goal line sits on its top.
        var first = columns[0].Elements("rect").Select(r => double.Parse((string)r.Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture)).Min();
        var goal = svg.Elements("line").Single(l => (string?)l.Attribute("class") == "chart-goal");
        Assert.Equal(first, double.Parse((string)goal.Attribute("y1")!, System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Contains(svg.Elements("text"), t => t.Value == "Week of");
        Assert.Contains(svg.Elements("text"), t => t.Value == "Requests");

        var rows = XElement.Parse(chart.Table()).Descendants("tbody").Descendants("tr").Select(tr => tr.Elements().Select(c => c.Value).ToArray());
        Assert.Equal([["Nov 2", "1", "1"], ["Nov 9", "3", "0"]], rows);
    }

    [Fact]
    public void A_line_chart_has_labelled_axes_and_puts_a_higher_value_higher()
    {
        var chart = FitChart.For("f", "UX research", [("1 Nov", 2, "Amara"), ("20 Nov", 5, "Zoë")]);
        var svg = Parse(chart.Svg());
        AssertNamedAndFitting(svg, "f");
        Assert.Equal(["Conversation date", "Fit (1 to 5)"], svg.Elements("text").Where(t => (string?)t.Attribute("class") == "chart-axis-title").Select(t => t.Value));
        // A tick for each whole rating, 1 to 5.
        Assert.Equal(["1", "2", "3", "4", "5"], svg.Elements("text").Where(t => (string?)t.Attribute("class") == "chart-tick").Select(t => t.Value));
        var points = svg.Elements("g").ToList();
        Assert.Equal(["2", "5"], points.Select(p => (string)p.Attribute("data-value")!));
        var ys = points.Select(p => double.Parse((string)p.Element("circle")!.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[1] < ys[0], "the higher rating is drawn higher");
        Assert.NotNull(svg.Element("polyline"));
        Assert.Equal([["1 Nov", "2", "Amara"], ["20 Nov", "5", "Zoë"]],
            XElement.Parse(chart.Table()).Descendants("tbody").Descendants("tr").Select(tr => tr.Elements().Select(c => c.Value).ToArray()));
    }

    [Fact]
    public void A_single_point_is_a_dot_on_the_same_axes_with_no_line()
    {
        var svg = Parse(FitChart.For("one", "UX research", [("5 Dec", 4, "Amara")]).Svg());
        Assert.Null(svg.Element("polyline"));
        Assert.Single(svg.Elements("g"));
        Assert.Equal(2, svg.Elements("text").Count(t => (string?)t.Attribute("class") == "chart-axis-title"));
    }
}
