using Rapport.Features.People;

namespace Rapport.UnitTests.Features.People;

public class PeopleColumnsTests
{
    [Fact]
    public void Nothing_stored_shows_every_column_and_every_column_chosen_stores_nothing()
    {
        Assert.Equal(PeopleColumns.All.Shown, PeopleColumns.Parse(null).Shown);
        Assert.Null(PeopleColumns.Chosen(Enum.GetNames<PeopleColumn>()).Stored);
    }

    [Fact]
    public void A_choice_is_stored_in_the_tables_order_and_read_back()
    {
        var chosen = PeopleColumns.Chosen(["Priority", "Stage"]);
        Assert.Equal("Stage,Priority", chosen.Stored);
        Assert.True(PeopleColumns.Parse(chosen.Stored).Shows(PeopleColumn.Priority));
        Assert.False(PeopleColumns.Parse(chosen.Stored).Shows(PeopleColumn.Organization));
    }

    [Theory]
    [InlineData("Stage,NoSuchColumn", "Stage")]
    [InlineData("3,stage,Stage", "Stage")]
    [InlineData("", "")]
    [InlineData(",,,", "")]
    public void Names_the_table_does_not_have_are_dropped(string stored, string shown) =>
        Assert.Equal(shown, PeopleColumns.Parse(stored).Stored ?? "all");

    [Fact]
    public void Nothing_ticked_is_the_name_alone() => Assert.Empty(PeopleColumns.Chosen([]).Shown);
}
