using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class MidSentenceTests
{
    [Theory]
    [InlineData("Data analysis", "data analysis")]
    [InlineData("Nursing", "nursing")]
    [InlineData("urban planning", "urban planning")]
    [InlineData("UX research", "UX research")]
    [InlineData("AI", "AI")]
    [InlineData("AI safety", "AI safety")]
    [InlineData("iOS development", "iOS development")]
    [InlineData("Public Health", "Public Health")]
    [InlineData("Renewable energy in New Mexico", "Renewable energy in New Mexico")]
    [InlineData("Éditions jeunesse", "éditions jeunesse")]
    [InlineData("A", "A")]
    public void A_field_name_inside_a_sentence_keeps_only_the_capitals_of_a_proper_noun(string name, string expected) =>
        Assert.Equal(expected, MidSentence.Name(name));
}
