using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class FollowUpPolicyTests
{
    private static FollowUpPolicy WithTags(int? keepInTouchDays, params (string Tag, int? Days)[] tags) =>
        new(KeepInTouchDays: keepInTouchDays, KeepInTouchByTag: tags.ToDictionary(t => t.Tag, t => t.Days));

    [Fact]
    public void The_defaults_are_the_products()
    {
        var policy = FollowUpPolicy.Default;
        Assert.Equal(48, policy.ThankYouHours);
        Assert.Equal(3, policy.NudgeBusinessDays);
        Assert.Equal(7, policy.FollowUpBusinessDays);
        Assert.Equal(90, policy.KeepInTouchDays);
        Assert.Null(policy.KeepInTouchByTag);
        Assert.Equal(3, policy.WeeklyRequestGoal);
        Assert.Empty(policy.Problems());
    }

    [Fact]
    public void Values_at_the_ends_of_every_range_are_accepted()
    {
        Assert.Empty(new FollowUpPolicy(24, 1, 1, 30, null, 0).Problems());
        Assert.Empty(new FollowUpPolicy(168, 30, 30, 365, null, 50).Problems());
        Assert.Empty(WithTags(null, ("alumni", 30), ("mentor", 365), ("cold", null)).Problems());
    }

    public static TheoryData<FollowUpPolicy, string> OutOfRange => new()
    {
        { new FollowUpPolicy(ThankYouHours: 23), "A thank-you note is due 24 hours to 7 days after a meeting." },
        { new FollowUpPolicy(ThankYouHours: 169), "A thank-you note is due 24 hours to 7 days after a meeting." },
        { new FollowUpPolicy(NudgeBusinessDays: 0), "The nudge to also reach out to someone else comes 1 to 30 business days after a request." },
        { new FollowUpPolicy(FollowUpBusinessDays: 31), "A follow-up on an unanswered request comes 1 to 30 business days after it." },
        { new FollowUpPolicy(FollowUpBusinessDays: 0), "A follow-up on an unanswered request comes 1 to 30 business days after it." },
        { new FollowUpPolicy(KeepInTouchDays: 29), "Keeping in touch is every 30 to 365 days, or off." },
        { new FollowUpPolicy(KeepInTouchDays: 366), "Keeping in touch is every 30 to 365 days, or off." },
        { WithTags(90, ("alumni", 7)), "Keeping in touch with people tagged \"alumni\" is every 30 to 365 days, or off." },
        { new FollowUpPolicy(WeeklyRequestGoal: -1), "The weekly goal is 0 to 50 new requests." },
        { new FollowUpPolicy(WeeklyRequestGoal: 51), "The weekly goal is 0 to 50 new requests." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Each_value_out_of_range_is_named_in_the_persons_words(FollowUpPolicy policy, string expected) =>
        Assert.Equal([expected], policy.Problems());

    [Fact]
    public void Several_problems_come_in_a_fixed_order()
    {
        var policy = new FollowUpPolicy(ThankYouHours: 0, WeeklyRequestGoal: 99, KeepInTouchByTag: new Dictionary<string, int?> { ["b"] = 1, ["a"] = 1 });
        Assert.Equal(
        [
            "A thank-you note is due 24 hours to 7 days after a meeting.",
            "Keeping in touch with people tagged \"a\" is every 30 to 365 days, or off.",
            "Keeping in touch with people tagged \"b\" is every 30 to 365 days, or off.",
            "The weekly goal is 0 to 50 new requests.",
        ], policy.Problems());
    }

    [Fact]
    public void Without_tag_settings_the_default_cadence_applies() =>
        Assert.Equal(90, FollowUpPolicy.Default.KeepInTouchFor(["alumni"]));

    [Fact]
    public void Tags_without_a_setting_leave_the_default_cadence()
    {
        var policy = WithTags(90, ("mentor", 30));
        Assert.Equal(90, policy.KeepInTouchFor([]));
        Assert.Equal(90, policy.KeepInTouchFor(["alumni", "friend"]));
    }

    [Fact]
    public void The_shortest_cadence_among_a_contacts_tags_wins()
    {
        var policy = WithTags(90, ("mentor", 30), ("alumni", 180), ("cold", null));
        Assert.Equal(180, policy.KeepInTouchFor(["alumni"]));
        Assert.Equal(30, policy.KeepInTouchFor(["alumni", "mentor"]));
        Assert.Equal(180, policy.KeepInTouchFor(["cold", "alumni"]));
    }

    [Fact]
    public void Keep_in_touch_is_off_only_when_every_matching_tag_says_off()
    {
        var policy = WithTags(90, ("cold", null), ("recruiter", null), ("mentor", 30));
        Assert.Null(policy.KeepInTouchFor(["cold"]));
        Assert.Null(policy.KeepInTouchFor(["cold", "recruiter", "friend"]));
        Assert.Equal(30, policy.KeepInTouchFor(["cold", "mentor"]));
    }

    [Fact]
    public void A_tag_can_turn_keep_in_touch_on_when_the_default_is_off()
    {
        var policy = WithTags(null, ("mentor", 60));
        Assert.Equal(60, policy.KeepInTouchFor(["mentor"]));
        Assert.Null(policy.KeepInTouchFor(["friend"]));
        Assert.Null(new FollowUpPolicy(KeepInTouchDays: null).KeepInTouchFor(["mentor"]));
    }
}
