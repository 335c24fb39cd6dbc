using Rapport.Domain;
using static Rapport.Domain.ConversationGoal;
using static Rapport.Domain.ConversationPart;

namespace Rapport.UnitTests.Domain;

public class QuestionTailoringTests
{
    private static QuestionCandidate Bank(string key, ConversationPart part = Insights, ConversationGoal goals = DecideFit, bool org = false) =>
        new($"bank:{key}", key, part, goals, org, IsOpenQuestion: false, IsOwn: false);

    private static QuestionCandidate Own(string id, ConversationPart part = Insights, ConversationGoal goals = DecideFit, bool org = false) =>
        new($"own:{id}", id, part, goals, org, IsOpenQuestion: false, IsOwn: true);

    private static QuestionCandidate Open(string id, ConversationPart part = Insights) =>
        new($"open:{id}", id, part, None, false, IsOpenQuestion: true, IsOwn: true);

    private static List<string> Keys(TailoredList list) => list.Questions.Select(q => q.Key).ToList();

    [Fact]
    public void Organization_questions_are_dropped_only_when_there_is_no_organization()
    {
        QuestionCandidate[] candidates = [Bank("org", org: true), Own("own-org", org: true), Bank("field")];
        Assert.Equal(["bank:field"], Keys(QuestionTailoring.Propose(candidates, DecideFit, hasOrganization: false)));
        Assert.Equal(["own:own-org", "bank:org", "bank:field"], Keys(QuestionTailoring.Propose(candidates, DecideFit, hasOrganization: true)));
    }

    [Fact]
    public void Open_questions_come_first_in_their_given_order_whatever_their_part()
    {
        QuestionCandidate[] candidates = [Bank("trend", Trends), Open("b", NextSteps), Bank("insight"), Open("a", Advice)];
        var list = QuestionTailoring.Propose(candidates, DecideFit, true);
        Assert.Equal(["open:b", "open:a", "bank:trend", "bank:insight"], Keys(list));
    }

    [Fact]
    public void Open_questions_take_at_most_half_the_list()
    {
        var candidates = Enumerable.Range(1, 6).Select(i => Open($"o{i}")).Concat(Enumerable.Range(1, 6).Select(i => Bank($"b{i}")));
        var list = QuestionTailoring.Propose(candidates, DecideFit, true, count: 6);
        Assert.Equal(["open:o1", "open:o2", "open:o3", "bank:b1", "bank:b2", "bank:b3"], Keys(list));
    }

    [Fact]
    public void Questions_serving_more_of_the_chosen_goals_are_kept_first()
    {
        QuestionCandidate[] candidates =
        [
            Bank("none", goals: PractiseIntroduction),
            Bank("one", goals: DecideFit),
            Bank("two", goals: DecideFit | LearnTheWayIn | PractiseIntroduction),
            Bank("also-one", goals: LearnTheWayIn),
        ];
        var list = QuestionTailoring.Propose(candidates, DecideFit | LearnTheWayIn, true, count: 3);
        Assert.Equal(["bank:two", "bank:one", "bank:also-one"], Keys(list));
    }

    [Fact]
    public void The_persons_own_question_beats_a_built_in_on_a_tie()
    {
        QuestionCandidate[] candidates = [Bank("first"), Own("mine"), Bank("third")];
        var list = QuestionTailoring.Propose(candidates, DecideFit, true, count: 2);
        Assert.Equal(["own:mine", "bank:first"], Keys(list));
    }

    [Fact]
    public void Without_goals_the_original_order_decides()
    {
        QuestionCandidate[] candidates = [Bank("first", goals: SizeUpEmployer), Own("mine"), Bank("third", goals: DecideFit | LearnTheWayIn)];
        var list = QuestionTailoring.Propose(candidates, None, true, count: 2);
        Assert.Equal(["bank:first", "own:mine"], Keys(list));
    }

    [Fact]
    public void One_referral_question_is_kept_even_when_it_would_be_cut()
    {
        QuestionCandidate[] candidates =
        [
            Bank("a", goals: SizeUpEmployer), Bank("b", goals: SizeUpEmployer), Bank("c", goals: SizeUpEmployer),
            Bank("not-a-referral", NextSteps, DecideFit),
            Bank("referral", NextSteps, GrowLocalNetwork),
            Bank("second-referral", NextSteps, GrowLocalNetwork),
        ];
        var list = QuestionTailoring.Propose(candidates, SizeUpEmployer, true, count: 3);
        Assert.Equal(["bank:a", "bank:b", "bank:referral"], Keys(list));
    }

    [Fact]
    public void A_referral_question_that_already_made_the_cut_is_not_added_twice()
    {
        QuestionCandidate[] candidates =
            [Bank("referral", NextSteps, GrowLocalNetwork | DecideFit), Bank("a"), Bank("other-referral", NextSteps, GrowLocalNetwork), Bank("b")];
        var list = QuestionTailoring.Propose(candidates, DecideFit, true, count: 2);
        Assert.Equal(["bank:a", "bank:referral"], Keys(list));
    }

    [Fact]
    public void The_chosen_list_is_ordered_by_part_keeping_rank_within_a_part()
    {
        QuestionCandidate[] candidates =
        [
            Bank("next", NextSteps, GrowLocalNetwork),
            Bank("advice-low", Advice, DecideFit),
            Bank("trend", Trends, DecideFit),
            Bank("advice-high", Advice, DecideFit | JobSearchIdeas),
            Bank("resource", Resources, DecideFit),
            Bank("insight", Insights, DecideFit),
        ];
        var list = QuestionTailoring.Propose(candidates, DecideFit | JobSearchIdeas, true);
        Assert.Equal(["bank:trend", "bank:insight", "bank:advice-high", "bank:advice-low", "bank:resource", "bank:next"], Keys(list));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(12)]
    public void The_requested_count_is_honoured_from_the_built_in_bank(int count)
    {
        var candidates = QuestionBank.BuiltIn.Select(q => Bank(q.Key, q.Part, q.Goals, q.NeedsOrganization));
        var list = QuestionTailoring.Propose(candidates, DecideFit | LearnTheWayIn, hasOrganization: false, count);
        Assert.Equal(count, list.Questions.Count);
        Assert.DoesNotContain(list.Questions, q => q.NeedsOrganization);
        Assert.Contains(list.Questions, q => q.Key == "bank:people-two-more");
        Assert.Equal(QuestionTailoring.AdviceFor(count), list.Advice);
    }

    [Fact]
    public void The_default_proposal_is_eight_questions_without_advice()
    {
        var candidates = QuestionBank.BuiltIn.Select(q => Bank(q.Key, q.Part, q.Goals, q.NeedsOrganization));
        var list = QuestionTailoring.Propose(candidates, SizeUpEmployer, hasOrganization: true);
        Assert.Equal(QuestionTailoring.Proposed, list.Questions.Count);
        Assert.Null(list.Advice);
    }

    [Fact]
    public void A_short_list_comes_with_advice_to_add_more() =>
        Assert.NotNull(QuestionTailoring.Propose([Bank("only")], DecideFit, true).Advice);

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Fewer_than_five_questions_get_a_hint_to_add_some(int count) =>
        Assert.Contains("5 to 10", QuestionTailoring.AdviceFor(count), StringComparison.Ordinal);

    [Theory]
    [InlineData(11)]
    [InlineData(30)]
    public void More_than_ten_questions_get_a_hint_to_keep_the_most_important_first(int count) =>
        Assert.Contains("may not be time", QuestionTailoring.AdviceFor(count), StringComparison.Ordinal);

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(10)]
    public void Five_to_ten_questions_need_no_advice(int count) => Assert.Null(QuestionTailoring.AdviceFor(count));

    [Fact]
    public void Move_up_swaps_with_the_previous_item() =>
        Assert.Equal(["a", "c", "b"], QuestionTailoring.Move(["a", "b", "c"], 2, -1));

    [Fact]
    public void Move_down_swaps_with_the_next_item() =>
        Assert.Equal(["b", "a", "c"], QuestionTailoring.Move(["a", "b", "c"], 0, +1));

    [Fact]
    public void Move_leaves_the_original_list_alone()
    {
        string[] list = ["a", "b", "c"];
        QuestionTailoring.Move(list, 0, 1);
        Assert.Equal(["a", "b", "c"], list);
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(2, 1)]
    [InlineData(-1, 1)]
    [InlineData(3, -1)]
    [InlineData(1, 0)]
    [InlineData(int.MaxValue, 1)]
    public void Moves_out_of_range_return_the_list_unchanged(int index, int offset)
    {
        IReadOnlyList<string> list = ["a", "b", "c"];
        Assert.Same(list, QuestionTailoring.Move(list, index, offset));
    }

    [Fact]
    public void A_question_added_by_hand_goes_before_the_closing_questions()
    {
        ConversationPart[] parts = [ConversationPart.Trends, ConversationPart.Insights, ConversationPart.NextSteps, ConversationPart.NextSteps];
        Assert.Equal(2, QuestionTailoring.AddedAt(parts));
    }

    [Fact]
    public void A_question_added_by_hand_goes_last_when_nothing_closes_the_list()
    {
        Assert.Equal(2, QuestionTailoring.AddedAt([ConversationPart.Trends, ConversationPart.Advice]));
        Assert.Equal(0, QuestionTailoring.AddedAt([]));
    }
}
