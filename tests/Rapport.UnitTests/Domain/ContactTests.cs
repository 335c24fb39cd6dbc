using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class ContactTests
{
    [Theory]
    [InlineData("Ada", "Lovelace", "Ada Lovelace")]
    [InlineData("Ada", null, "Ada")]
    [InlineData("Ada", "", "Ada")]
    [InlineData("", "Hopper", " Hopper")]
    public void The_full_name_is_first_and_last_or_the_first_alone(string first, string? last, string expected)
    {
        Assert.Equal(expected, Contact.FullNameOf(first, last));
        Assert.Equal(expected, new Contact { FirstName = first, LastName = last }.FullName);
    }
}
