using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class InitialsTests
{
    [Theory]
    [InlineData("Ada", "Lovelace", "AL")]
    [InlineData("Łukasz", "Nowak", "ŁN")]
    [InlineData("Mononym", null, "M")]
    [InlineData("Mary Ann", "van der Berg", "MB")]
    [InlineData("(Jo)", "\"Smith\"", "JS")]
    [InlineData("𝔘lla", "🙂", "𝔘🙂")]
    [InlineData("  ", null, "?")]
    public void Initials_are_the_first_letters_of_the_first_and_last_names(string first, string? last, string expected) =>
        Assert.Equal(expected, Initials.Of(first, last));
}
