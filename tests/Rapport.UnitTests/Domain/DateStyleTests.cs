using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class DateStyleTests
{
    private static readonly DateTime Afternoon = new(2026, 12, 6, 15, 4, 0);

    [Theory]
    [InlineData(DateOrder.DayMonthYear, true, "6 Dec 2026, 15:04")]
    [InlineData(DateOrder.MonthDayYear, false, "Dec 6, 2026, 3:04 PM")]
    [InlineData(DateOrder.YearMonthDay, true, "2026-12-06, 15:04")]
    public void A_date_and_time_read_in_the_persons_order_and_clock(DateOrder order, bool twentyFour, string expected) =>
        Assert.Equal(expected, new DateStyle(order, twentyFour).DateAndTime(Afternoon));

    [Theory]
    [InlineData("en-US,en;q=0.9", DateOrder.MonthDayYear, false)]
    [InlineData("en-GB,en;q=0.8", DateOrder.DayMonthYear, true)]
    [InlineData("de-DE", DateOrder.DayMonthYear, true)]
    [InlineData("ja-JP,ja;q=0.9", DateOrder.YearMonthDay, true)]
    [InlineData("", DateOrder.DayMonthYear, true)]
    [InlineData("not a language!!", DateOrder.DayMonthYear, true)]
    public void The_first_style_follows_the_browsers_language(string header, DateOrder order, bool twentyFour) =>
        Assert.Equal(new DateStyle(order, twentyFour), DateStyle.FromLanguages(header));

    [Fact]
    public void A_style_survives_the_sign_in_cookie()
    {
        var style = new DateStyle(DateOrder.MonthDayYear, false);
        Assert.Equal(style, DateStyle.Parse(style.Key));
        Assert.Equal(DateStyle.Default, DateStyle.Parse("garbage"));
        Assert.Equal(DateStyle.Default, DateStyle.Parse(null));
    }
}
