using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class TargetListTests
{
    [Fact]
    public void Ranks_by_motivation_then_postings_then_advocacy_with_unscored_last()
    {
        var ranked = TargetList.Rank(
        [
            new(1, "Unscored", null, null, true),
            new(2, "Keen, no postings", 3, 1, false),
            new(3, "Keen, postings", 3, 3, false),
            new(4, "Keen, postings, friend", 3, 3, true),
            new(5, "Lukewarm", 1, 3, true),
            new(6, "Not at all", 0, 3, true),
        ]);
        Assert.Equal([4, 3, 2, 5, 6, 1], ranked.Select(e => e.Id));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(-1, false)]
    [InlineData(4, false)]
    public void Motivation_is_scored_zero_to_three(int? score, bool valid) => Assert.Equal(valid, TargetList.IsValidMotivation(score));

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(0, false)]
    public void Postings_are_scored_one_to_three(int? score, bool valid) => Assert.Equal(valid, TargetList.IsValidPostings(score));
}
