using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class ReplySpeedTests
{
    // 2026-03-02 is a Monday. New York is UTC-5 in early March.
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly FollowUpPolicy Policy = FollowUpPolicy.Default;

    private static DateTime NewYorkTime(int day, int hour) => new(2026, 3, day, hour + 5, 0, 0, DateTimeKind.Utc);

    private static Responsiveness Classify(DateTime sent, DateTime? answered, bool noReply = false, DateTime? now = null) =>
        ReplySpeed.Classify(sent, answered, noReply, now ?? NewYorkTime(31, 9), NewYork, Policy);

    [Fact]
    public void An_answer_on_the_third_business_day_is_quick() =>
        // Sent Monday morning: day 3 is Thursday.
        Assert.Equal(Responsiveness.Quick, Classify(NewYorkTime(2, 9), NewYorkTime(5, 17)));

    [Fact]
    public void An_answer_on_the_fourth_business_day_is_late() =>
        Assert.Equal(Responsiveness.Late, Classify(NewYorkTime(2, 9), NewYorkTime(6, 8)));

    [Fact]
    public void A_request_sent_after_noon_counts_from_the_next_day() =>
        // Sent Monday 13:00: counts from Tuesday, so Friday is still within 3 business days.
        Assert.Equal(Responsiveness.Quick, Classify(NewYorkTime(2, 13), NewYorkTime(6, 8)));

    [Fact]
    public void A_weekend_does_not_count_against_the_contact() =>
        // Sent Thursday morning: Friday, Monday, Tuesday are days 1 to 3.
        Assert.Equal(Responsiveness.Quick, Classify(NewYorkTime(5, 9), NewYorkTime(10, 16)));

    [Fact]
    public void A_late_answer_after_a_logged_no_reply_counts_as_an_answer() =>
        Assert.Equal(Responsiveness.Late, Classify(NewYorkTime(2, 9), NewYorkTime(20, 9), noReply: true));

    [Fact]
    public void A_logged_no_reply_without_an_answer_is_never() =>
        Assert.Equal(Responsiveness.Never, Classify(NewYorkTime(2, 9), null, noReply: true, now: NewYorkTime(4, 9)));

    [Theory]
    [InlineData(11, Responsiveness.Waiting)] // the follow-up day itself (7 business days after Monday the 2nd)
    [InlineData(12, Responsiveness.Never)]
    public void Silence_becomes_never_once_the_follow_up_day_has_passed(int today, Responsiveness expected) =>
        Assert.Equal(expected, Classify(NewYorkTime(2, 9), null, now: NewYorkTime(today, 9)));

    [Fact]
    public void The_marks_follow_the_persons_policy()
    {
        var patient = Policy with { NudgeBusinessDays = 5 };
        Assert.Equal(Responsiveness.Quick,
            ReplySpeed.Classify(NewYorkTime(2, 9), NewYorkTime(9, 9), false, NewYorkTime(31, 9), NewYork, patient));
    }

    [Fact]
    public void Tally_counts_each_group_and_puts_the_biggest_first()
    {
        var tally = ReplySpeed.Tally([
            ("Cold", Responsiveness.Never), ("Alumni", Responsiveness.Quick), ("Cold", Responsiveness.Never),
            ("Cold", Responsiveness.Late), ("Alumni", Responsiveness.Waiting), ("Cold", Responsiveness.Waiting),
        ]);

        Assert.Equal(["Cold", "Alumni"], tally.Select(t => t.Group));
        Assert.Equal(new ResponseTally("Cold", 0, 1, 2, 1), tally[0]);
        Assert.Equal(33, tally[0].AnsweredShare);
        Assert.Equal(100, tally[1].AnsweredShare);
    }

    [Fact]
    public void A_group_with_only_waiting_contacts_has_no_share_yet() =>
        Assert.Null(ReplySpeed.Tally([("Friend", Responsiveness.Waiting)])[0].AnsweredShare);
}
