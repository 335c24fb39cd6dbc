using Rapport.Domain;
using static Rapport.Domain.ConversationStage;

namespace Rapport.UnitTests.Domain;

public class ConversationStagesTests
{
    private static readonly DateTime Now = new(2025, 3, 10, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Past = Now.AddHours(-2);
    private static readonly DateTime Future = Now.AddDays(1);

    // The pipeline as the product describes it, written out independently of the code under test.
    private static readonly Dictionary<ConversationStage, ConversationStage[]> Table = new()
    {
        [Idea] = [Requested, Scheduled, Cancelled],
        [Requested] = [Scheduled, Declined, NoReply, Cancelled],
        [Scheduled] = [Held, Requested, Cancelled],
        [Held] = [Thanked, Closed, Scheduled],
        [Thanked] = [Closed],
        [Closed] = [],
        [Declined] = [Requested, Idea],
        [NoReply] = [Requested, Scheduled, Declined, Cancelled],
        [Cancelled] = [Idea, Requested, Scheduled],
    };

    public static TheoryData<ConversationStage, ConversationStage> AllowedMoves => Pairs(allowed: true);

    public static TheoryData<ConversationStage, ConversationStage> RefusedMoves => Pairs(allowed: false);

    public static TheoryData<ConversationStage> Stages => [.. Enum.GetValues<ConversationStage>()];

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Every_move_in_the_table_is_allowed_once_the_meeting_has_happened(ConversationStage from, ConversationStage to)
    {
        var move = ConversationStages.Check(from, to, Past, Now);
        Assert.True(move.Allowed, move.Reason);
        Assert.Null(move.Reason);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Moves_outside_the_table_are_refused_with_a_reason_naming_both_stages(ConversationStage from, ConversationStage to)
    {
        var move = ConversationStages.Check(from, to, Past, Now);
        Assert.False(move.Allowed);
        Assert.Contains(Labels.Of(from), move.Reason, StringComparison.Ordinal);
        Assert.Contains(Labels.Of(to), move.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Next_offers_the_table_in_order_and_agrees_with_check(ConversationStage from)
    {
        Assert.Equal(Table[from], ConversationStages.Next(from));
        Assert.All(Enum.GetValues<ConversationStage>(), to =>
            Assert.Equal(ConversationStages.Next(from).Contains(to), ConversationStages.Check(from, to, Past, Now).Allowed));
    }

    [Fact]
    public void Moving_to_the_stage_it_is_already_at_is_refused()
    {
        var move = ConversationStages.Check(Requested, Requested, Past, Now);
        Assert.False(move.Allowed);
        Assert.Equal("The conversation is already at Requested.", move.Reason);
    }

    [Theory]
    [InlineData(Idea)]
    [InlineData(Requested)]
    [InlineData(NoReply)]
    [InlineData(Cancelled)]
    public void Scheduling_needs_a_meeting_time(ConversationStage from)
    {
        Assert.Equal(new StageMove(false, "Set the meeting's date and time first."), ConversationStages.Check(from, Scheduled, null, Now));
        Assert.True(ConversationStages.Check(from, Scheduled, Future, Now).Allowed);
    }

    [Fact]
    public void Held_needs_a_meeting_time() =>
        Assert.Equal(new StageMove(false, "Set the meeting's date and time first."), ConversationStages.Check(Scheduled, Held, null, Now));

    [Fact]
    public void Held_is_refused_before_the_meeting_time() => Assert.Equal(
        new StageMove(false, "A conversation can be marked held only once its meeting time has come."),
        ConversationStages.Check(Scheduled, Held, Now.AddTicks(1), Now));

    [Fact]
    public void Held_is_allowed_exactly_at_the_meeting_time() =>
        Assert.True(ConversationStages.Check(Scheduled, Held, Now, Now).Allowed);

    [Fact]
    public void Later_stages_do_not_need_a_meeting_time() =>
        Assert.True(ConversationStages.Check(Held, Thanked, null, Now).Allowed);

    [Theory]
    [InlineData(Declined, Requested, true)]
    [InlineData(Declined, Idea, true)]
    [InlineData(NoReply, Scheduled, true)]
    [InlineData(Cancelled, Idea, true)]
    [InlineData(NoReply, Declined, false)]
    [InlineData(NoReply, Cancelled, false)]
    [InlineData(Cancelled, Cancelled, false)]
    [InlineData(Requested, Scheduled, false)]
    [InlineData(Scheduled, Requested, false)]
    [InlineData(Closed, Requested, false)]
    public void Reopening_is_leaving_a_side_exit_for_an_open_stage(ConversationStage from, ConversationStage to, bool reopening) =>
        Assert.Equal(reopening, ConversationStages.IsReopening(from, to));

    [Theory]
    [InlineData(Idea, true)]
    [InlineData(Requested, true)]
    [InlineData(Scheduled, true)]
    [InlineData(Held, true)]
    [InlineData(Thanked, true)]
    [InlineData(Closed, false)]
    [InlineData(Declined, false)]
    [InlineData(NoReply, false)]
    [InlineData(Cancelled, false)]
    public void Only_closed_and_side_exit_stages_are_not_open(ConversationStage stage, bool open) =>
        Assert.Equal(open, ConversationStages.IsOpen(stage));

    [Theory]
    [InlineData(Idea, "Idea")]
    [InlineData(Requested, "Requested")]
    [InlineData(Scheduled, "Scheduled")]
    [InlineData(Held, "Held")]
    [InlineData(Thanked, "Thanked")]
    [InlineData(Closed, "Closed")]
    [InlineData(Declined, "Declined")]
    [InlineData(NoReply, "No reply")]
    [InlineData(Cancelled, "Cancelled")]
    public void Stages_have_user_labels(ConversationStage stage, string label) =>
        Assert.Equal(label, Labels.Of(stage));

    private static TheoryData<ConversationStage, ConversationStage> Pairs(bool allowed)
    {
        var data = new TheoryData<ConversationStage, ConversationStage>();
        foreach (var from in Enum.GetValues<ConversationStage>())
            foreach (var to in Enum.GetValues<ConversationStage>().Where(to => Table[from].Contains(to) == allowed))
                data.Add(from, to);
        return data;
    }

    [Fact]
    public void A_held_conversation_can_go_back_to_scheduled_and_that_is_a_reopening()
    {
        Assert.True(ConversationStages.Check(Held, Scheduled, Future, Now).Allowed);
        Assert.True(ConversationStages.IsReopening(Held, Scheduled));
    }

    [Fact]
    public void Only_a_move_can_be_undone_not_the_planning_nor_an_undo()
    {
        Assert.True(ConversationStages.Undoable(Scheduled, isUndo: false));
        Assert.False(ConversationStages.Undoable(null, isUndo: false));
        Assert.False(ConversationStages.Undoable(Held, isUndo: true));
    }

    [Fact]
    public void What_is_possible_now_leaves_out_a_meeting_not_yet_come_and_a_schedule_without_a_time()
    {
        Assert.Equal([Requested, Cancelled], ConversationStages.PossibleNow(Scheduled, Future, Now));
        Assert.Equal([Held, Requested, Cancelled], ConversationStages.PossibleNow(Scheduled, Past, Now));
        Assert.Equal([Requested, Cancelled], ConversationStages.PossibleNow(Idea, null, Now));
        Assert.Empty(ConversationStages.PossibleNow(Closed, Past, Now));
    }

    [Theory]
    [InlineData(Idea, Requested, "I sent the request")]
    [InlineData(Scheduled, Held, "It took place")]
    [InlineData(Scheduled, Requested, "It needs a new time")]
    [InlineData(Held, Thanked, "I thanked them")]
    [InlineData(Held, Scheduled, "Not held yet: back to scheduled")]
    [InlineData(Requested, Cancelled, "Call it off")]
    public void Every_move_is_offered_in_the_persons_words(ConversationStage from, ConversationStage to, string words) =>
        Assert.Equal(words, ConversationStages.Say(from, to));
}
