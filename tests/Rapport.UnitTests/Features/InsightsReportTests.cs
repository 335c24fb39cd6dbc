using Rapport.Features.Insights;

namespace Rapport.UnitTests.Features;

public class InsightsReportTests
{
    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 4 }, 4.0)]
    [InlineData(new[] { 5, 0 }, 2.5)]
    [InlineData(new[] { 5, 1, 0 }, 1.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones(int[] values, double? median) =>
        Assert.Equal(median, InsightsReport.Median(values));

    [Fact]
    public void A_period_touches_each_month_from_its_first_day_to_its_last()
    {
        Assert.Equal([new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)],
            InsightsReport.MonthsOf(new DateOnly(2026, 8, 30), new DateOnly(2026, 11, 27)));
        Assert.Equal([new DateOnly(2026, 11, 1)], InsightsReport.MonthsOf(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void The_fit_is_averaged_by_month_on_the_person_s_calendar_to_one_decimal()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var months = InsightsReport.FitByMonth(
        [
            (new DateTime(2026, 11, 3, 10, 0, 0, DateTimeKind.Utc), 4),
            (new DateTime(2026, 9, 30, 23, 30, 0, DateTimeKind.Utc), 2),   // already 1 October in Berlin
            (new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), 5),
            (new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), 5),
        ], berlin);
        Assert.Equal([new FitMonth("Oct 2026", 2, 1), new FitMonth("Nov 2026", 4.7, 3)], months);
        Assert.Empty(InsightsReport.FitByMonth([], berlin));
    }
}
