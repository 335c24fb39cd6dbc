using Rapport.Features.Shared;

namespace Rapport.UnitTests.Features.Shared;

public class CappedCountTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(99, "99")]
    [InlineData(100, "99+")]
    public void A_figure_past_ninety_nine_says_99_plus(int count, string figure) => Assert.Equal(figure, CappedCount.Figure(count));

    [Theory]
    [InlineData(60, 50, 10)]
    [InlineData(99, 50, 49)]
    [InlineData(100, 50, null)]
    public void What_is_beyond_the_shown_is_known_only_up_to_the_cap(int total, int shown, int? beyond) =>
        Assert.Equal(beyond, CappedCount.Beyond(total, shown));
}
