using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class PluralTests
{
    [Theory]
    [InlineData(1, "timeline entry", "1 timeline entry")]
    [InlineData(2, "timeline entry", "2 timeline entries")]
    [InlineData(0, "contact", "0 contacts")]
    [InlineData(1, "person", "1 person")]
    [InlineData(3, "person", "3 people")]
    [InlineData(2, "match", "2 matches")]
    [InlineData(2, "day", "2 days")]
    [InlineData(1200, "open question", "1,200 open questions")]
    public void A_count_takes_its_noun_in_the_right_number(int count, string noun, string expected) =>
        Assert.Equal(expected, Plural.Of(count, noun));

    [Fact]
    public void A_noun_the_rules_get_wrong_passes_its_plural() => Assert.Equal("2 analyses", Plural.Of(2, "analysis", "analyses"));
}
