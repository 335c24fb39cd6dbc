using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class EmailAddressTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada.lovelace+rapport@mail.example.org")]
    [InlineData("ada@xn--80ak6aa92e.com")]
    [InlineData("ada@例え.jp")]
    public void Accepts_ordinary_addresses(string address) => Assert.True(EmailAddress.IsValid(address));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Ada <ada@x.com>")]
    [InlineData("a@x.com; b@y.com")]
    [InlineData("a@@x.com")]
    [InlineData(".ada@x.com")]
    [InlineData("ada@-x.com")]
    [InlineData("ada@x..com")]
    [InlineData("ada lovelace@x.com")]
    [InlineData("ada@x.com\r\nBcc: victim@example.com")]
    [InlineData("")]
    public void Refuses_malformed_addresses(string address) => Assert.False(EmailAddress.IsValid(address));

    [Fact]
    public void Refuses_an_address_longer_than_254_characters() =>
        Assert.False(EmailAddress.IsValid(new string('a', 60) + "@" + new string('b', 200) + ".com"));

    [Fact]
    public void A_long_run_of_letters_and_a_bang_is_refused() =>
        Assert.False(EmailAddress.IsValid(new string('a', 40) + "!"));
}
