using Rapport.Domain;
using Rapport.Features.Conversations;

namespace Rapport.UnitTests.Features.Conversations;

public class MenuMoveTests
{
    [Fact]
    public void A_written_move_reads_back_as_the_card_its_version_and_fingerprint_and_the_stage()
    {
        var read = MenuMove.Read(MenuMove.Write(4133, 7, "b202bcb9", ConversationStage.Requested));
        Assert.NotNull(read);
        var (id, to, opened) = read.Value;
        Assert.Equal((4133, "Requested", 7, "b202bcb9"), (id, to, opened.Version, opened.Fields));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4133")]
    [InlineData("4133:7:b202bcb9")]
    [InlineData("x:7:b202bcb9:Requested")]
    [InlineData("4133:-1:b202bcb9:Requested")]
    [InlineData("4133:7:b202bcb9:Requested:Held")]
    [InlineData("99999999999:7:b202bcb9:Requested")]
    public void A_value_no_menu_writes_reads_as_nothing(string value) => Assert.Null(MenuMove.Read(value));
}
