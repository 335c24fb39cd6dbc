using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class WarmPathsTests
{
    private static readonly DateTime May3 = new(2026, 5, 3, 14, 0, 0, DateTimeKind.Utc);

    private static WarmCandidate Person(int id, string name, bool there = true, DateTime? held = null, DateTime? reply = null,
        string? school = null, WarmCandidate.JobThere? before = null, params string[] referredTo) =>
        new(id, name, null, there, school, held, reply, null, before, referredTo);

    private static string Date(DateTime at) => at.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_held_conversation_beats_a_reply_which_beats_a_connection_wherever_they_work()
    {
        var ranked = WarmPaths.Rank(
        [
            Person(1, "Connection there"),
            Person(2, "Replied there", reply: May3),
            Person(3, "Held, worked there before", there: false, held: May3.AddYears(-1), before: new("Acme", null, May3)),
            Person(4, "Held there", held: May3),
        ], yourSchool: null);
        Assert.Equal([4, 3, 2, 1], ranked.Select(p => p.ContactId));
        Assert.Equal([WarmTie.HeldConversation, WarmTie.HeldConversation, WarmTie.Replied, WarmTie.Connection], ranked.Select(p => p.Tie));
    }

    [Fact]
    public void Ties_go_to_working_there_now_then_having_referred_you_then_your_school_then_the_latest_then_the_name()
    {
        var ranked = WarmPaths.Rank(
        [
            Person(1, "Zed, before", there: false, before: new("Acme", null, May3)),
            Person(2, "Yara, school", school: "University of Lisbon"),
            Person(3, "Xavi, referred", referredTo: "Bea"),
            Person(4, "Beth, plain"),
            Person(5, "Adam, plain"),
            Person(6, "Will, replied earlier", reply: May3.AddDays(-10)),
            Person(7, "Vera, replied later", reply: May3),
        ], yourSchool: "university of lisbon");
        Assert.Equal([7, 6, 3, 2, 5, 4, 1], ranked.Select(p => p.ContactId));
    }

    [Fact]
    public void Someone_neither_there_now_nor_before_is_no_path()
    {
        Assert.Empty(WarmPaths.Rank([Person(1, "Elsewhere", there: false, held: May3)], null));
    }

    [Fact]
    public void Each_path_says_why_strongest_reason_first()
    {
        var path = WarmPaths.Rank(
        [
            new WarmCandidate(1, "Ana", "Analyst", true, "Universidade de Lisboa", May3, May3.AddDays(-3), null,
                new("Globex", "Intern", new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc)), ["Bea Costa"]),
        ], "UNIVERSIDADE DE LISBOA").Single();
        Assert.Equal(
        [
            "You held a conversation on 3 May 2026",
            "Works there now as Analyst",
            "Worked at Globex as Intern until 2024",
            "Referred you to Bea Costa",
            "Studied at your school, Universidade de Lisboa",
        ], path.Reasons.Select(r => r.Text(Date)));
    }

    [Fact]
    public void A_reply_and_a_bare_connection_say_so()
    {
        var ranked = WarmPaths.Rank(
        [
            Person(1, "Replied", reply: May3),
            new WarmCandidate(2, "Connected", null, true, null, null, null, new DateOnly(2023, 2, 1), null, []),
            Person(3, "Known"),
        ], null);
        Assert.Equal(["Replied to your request on 3 May 2026", "In your contacts, connected since 2023", "In your contacts"],
            ranked.Select(p => p.Reasons[0].Text(Date)));
    }

    [Theory]
    [InlineData("University of Michigan", "University of Michigan", true)]
    [InlineData("university of michigan", "UNIVERSITY OF MICHIGAN, Ross School of Business", true)]
    [InlineData("Universite de Montreal", "Université de Montréal", true)]
    [InlineData("Politechnika Łódzka", "politechnika lodzka", true)]
    [InlineData("MIT", "Smith College", false)]
    [InlineData("University of Michigan", "Michigan State University", false)]
    [InlineData(null, "Anything", false)]
    [InlineData("Anything", null, false)]
    [InlineData("  ", "  ", false)]
    public void Your_school_matches_theirs_folded_as_search_folds_as_whole_words(string? yours, string? theirs, bool same) =>
        Assert.Equal(same, SchoolMatch.Same(yours, theirs));
}
