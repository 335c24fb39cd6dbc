using System.Text.RegularExpressions;
using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public partial class QuestionBankTests
{
    private static IReadOnlyList<BankQuestion> Bank => QuestionBank.BuiltIn;

    public static TheoryData<QuestionTheme> Themes => [.. Enum.GetValues<QuestionTheme>()];

    public static TheoryData<ConversationPart> Parts => [.. Enum.GetValues<ConversationPart>()];

    public static TheoryData<ConversationGoal> Goals => [.. Enum.GetValues<ConversationGoal>().Where(g => g != ConversationGoal.None)];

    [Fact]
    public void The_bank_holds_at_least_48_questions() => Assert.True(Bank.Count >= 48, $"only {Bank.Count}");

    [Theory]
    [MemberData(nameof(Themes))]
    public void Every_theme_has_at_least_five_questions(QuestionTheme theme) =>
        Assert.True(Bank.Count(q => q.Theme == theme) >= 5, Labels.Of(theme));

    [Theory]
    [MemberData(nameof(Parts))]
    public void Every_part_of_the_conversation_has_at_least_three_questions(ConversationPart part) =>
        Assert.True(Bank.Count(q => q.Part == part) >= 3, Labels.Of(part));

    [Theory]
    [MemberData(nameof(Goals))]
    public void Every_goal_is_served_by_at_least_four_questions(ConversationGoal goal) =>
        Assert.True(Bank.Count(q => q.Goals.HasFlag(goal)) >= 4, Labels.Of(goal));

    [Fact]
    public void Keys_are_unique_kebab_case_ascii()
    {
        Assert.Equal(Bank.Count, Bank.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Bank, q => Assert.Matches(KebabCase(), q.Key));
    }

    [Fact]
    public void Every_question_serves_at_least_one_catalog_goal()
    {
        var catalog = QuestionBank.Goals.Aggregate(ConversationGoal.None, (all, g) => all | g);
        Assert.All(Bank, q =>
        {
            Assert.NotEqual(ConversationGoal.None, q.Goals);
            Assert.Equal(ConversationGoal.None, q.Goals & ~catalog);
        });
    }

    [Fact]
    public void Questions_about_the_contacts_organization_are_flagged_and_no_others()
    {
        Assert.All(Bank, q => Assert.Equal(q.Text.Contains("your organization", StringComparison.OrdinalIgnoreCase), q.NeedsOrganization));
        Assert.All(Bank.Where(q => q.Theme == QuestionTheme.TheOrganization), q => Assert.True(q.NeedsOrganization, q.Key));
        Assert.All(["org-clients", "org-competitors", "org-how-hiring-works", "culture-at-employer"],
            key => Assert.True(QuestionBank.Find(key)!.NeedsOrganization, key));
    }

    [Fact]
    public void No_question_text_is_repeated() =>
        Assert.Equal(Bank.Count, Bank.Select(q => q.Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Fact]
    public void Every_text_is_a_concise_question() => Assert.All(Bank, q =>
    {
        Assert.EndsWith("?", q.Text, StringComparison.Ordinal);
        Assert.Equal(q.Text.Trim(), q.Text);
        Assert.InRange(q.Text.Length, 20, 140);
    });

    [Fact]
    public void The_referral_question_asks_for_two_or_more_people_and_leave_to_use_the_contacts_name()
    {
        var referral = QuestionBank.Find("people-two-more");
        Assert.NotNull(referral);
        Assert.Equal(QuestionTheme.PeopleToMeet, referral.Theme);
        Assert.Equal(ConversationPart.NextSteps, referral.Part);
        Assert.True(referral.Goals.HasFlag(ConversationGoal.GrowLocalNetwork));
        Assert.Contains("two", referral.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("your name", referral.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Asking_to_get_in_touch_again_is_a_next_step_that_tailoring_does_not_take_for_a_referral()
    {
        var again = QuestionBank.Find("people-contact-again");
        Assert.NotNull(again);
        Assert.Equal(QuestionTheme.PeopleToMeet, again.Theme);
        Assert.Equal(ConversationPart.NextSteps, again.Part);
        Assert.False(again.Goals.HasFlag(ConversationGoal.GrowLocalNetwork));
    }

    [Fact]
    public void Find_returns_each_question_by_its_key_and_null_for_unknown_keys()
    {
        Assert.All(Bank, q => Assert.Same(q, QuestionBank.Find(q.Key)));
        Assert.Null(QuestionBank.Find("no-such-question"));
        Assert.Null(QuestionBank.Find("DAY-TYPICAL-WEEK"));
    }

    [Fact]
    public void Goals_are_the_seven_single_flags_in_catalog_order() => Assert.Equal(
        [
            ConversationGoal.DecideFit, ConversationGoal.LearnTheWayIn, ConversationGoal.GrowLocalNetwork,
            ConversationGoal.FindLocalEmployers, ConversationGoal.SizeUpEmployer, ConversationGoal.JobSearchIdeas,
            ConversationGoal.PractiseIntroduction,
        ],
        QuestionBank.Goals);

    [Theory]
    [InlineData(QuestionTheme.DayToDay, "The work day to day")]
    [InlineData(QuestionTheme.PathAndBackground, "Their path and background")]
    [InlineData(QuestionTheme.SkillsAndCredentials, "Skills, education and credentials")]
    [InlineData(QuestionTheme.TheOrganization, "The organization")]
    [InlineData(QuestionTheme.TheFieldAhead, "The field and where it is going")]
    [InlineData(QuestionTheme.AdviceForMe, "Advice for me")]
    [InlineData(QuestionTheme.PeopleToMeet, "Other people to meet")]
    [InlineData(QuestionTheme.BalanceAndCulture, "Balance and culture")]
    public void Themes_have_user_labels(QuestionTheme theme, string label) => Assert.Equal(label, Labels.Of(theme));

    [Theory]
    [InlineData(ConversationPart.Trends, "Trends")]
    [InlineData(ConversationPart.Insights, "Insights")]
    [InlineData(ConversationPart.Advice, "Advice")]
    [InlineData(ConversationPart.Resources, "Resources")]
    [InlineData(ConversationPart.NextSteps, "Next steps")]
    public void Parts_have_user_labels(ConversationPart part, string label) => Assert.Equal(label, Labels.Of(part));

    [Theory]
    [InlineData(ConversationGoal.DecideFit, "Decide whether this field fits me")]
    [InlineData(ConversationGoal.LearnTheWayIn, "Learn how people get in: education, credentials, experience")]
    [InlineData(ConversationGoal.GrowLocalNetwork, "Grow my local network")]
    [InlineData(ConversationGoal.FindLocalEmployers, "Find local employers")]
    [InlineData(ConversationGoal.SizeUpEmployer, "Size up one employer")]
    [InlineData(ConversationGoal.JobSearchIdeas, "Get ideas for my job search")]
    [InlineData(ConversationGoal.PractiseIntroduction, "Practise talking about myself")]
    [InlineData(ConversationGoal.GrowLocalNetwork | ConversationGoal.DecideFit, "Decide whether this field fits me; Grow my local network")]
    public void Goals_have_user_labels(ConversationGoal goal, string label) => Assert.Equal(label, Labels.Of(goal));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
