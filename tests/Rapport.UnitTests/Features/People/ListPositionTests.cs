using Rapport.Features.People;

namespace Rapport.UnitTests.Features.People;

public class ListPositionTests
{
    [Theory]
    [InlineData("ada lovelace", 1)]
    [InlineData("zoë saldaña", 42)]
    [InlineData("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ?&=/+ name", 2_147_483_647)]
    [InlineData("", 7)]
    public void A_position_read_back_from_its_address_is_the_same_place(string key, int id)
    {
        var text = new ListPosition(key, id).ToString();
        Assert.DoesNotContain("=", text);
        Assert.DoesNotContain("+", text);
        Assert.DoesNotContain("/", text);
        Assert.Equal(new ListPosition(key, id), ListPosition.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-place")]
    [InlineData(".YWRh")]
    [InlineData("-3.YWRh")]
    [InlineData("12.%%%")]
    [InlineData("12./w")]
    public void Anything_the_list_did_not_write_is_no_position(string? text) => Assert.Null(ListPosition.Parse(text));

    [Theory]
    [InlineData("zeta labs")]
    [InlineData("4")]
    [InlineData("2026-12-01")]
    [InlineData(null)]
    [InlineData("~")]
    public void A_position_under_another_sort_keeps_its_key_or_that_it_had_none(string? value)
    {
        var position = new ListPosition("ada lovelace", 12, value, Keyed: true);
        Assert.Equal(position, ListPosition.Parse(position.ToString()));
        Assert.NotEqual(new ListPosition("ada lovelace", 12), ListPosition.Parse(position.ToString()));
    }

    [Theory]
    [InlineData("12.YWRh.~~")]
    [InlineData("12.YWRh.%%")]
    [InlineData("12.YWRh.eA.eA")]
    public void A_sort_key_the_list_did_not_write_is_no_position(string text) => Assert.Null(ListPosition.Parse(text));
}
