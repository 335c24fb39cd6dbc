using System.Globalization;
using System.Net;
using Rapport.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Rapport.IntegrationTests.Performance;

/// <summary>Two accounts of their own, apart from <see cref="QueryPlanFixture"/>'s: a save of a fact runs the
/// follow-up rules, whose first pass makes the tasks the seeded facts call for, and those would change what
/// Today shows in the other tests.</summary>
public sealed class RulePassPlanFixture() : TwoAccounts(Small, Large, smallSeed: 3, largeSeed: 4)
{
    public const int Small = 300;
    public const int Large = 3_000;
}

/// <summary>The follow-up rules' pass after a save, at two sizes of account (one conversation to six contacts).</summary>
public sealed class RulePassPlanTests(RulePassPlanFixture fixture, ITestOutputHelper output) : IClassFixture<RulePassPlanFixture>
{
    private async Task<(QueryWork Small, QueryWork Large)> BothAsync(Func<SignedInUser, Task> save)
    {
        var small = await fixture.Recorder.MeasureAsync(() => save(fixture.SmallAccount.User));
        var large = await fixture.Recorder.MeasureAsync(() => save(fixture.LargeAccount.User));
        output.WriteLine($"{RulePassPlanFixture.Small:N0} contacts: {small}");
        output.WriteLine($"{RulePassPlanFixture.Large:N0} contacts: {large}");
        return (small, large);
    }

    [Fact]
    public async Task QueryPlan_the_rule_pass_after_a_save_sends_no_list_that_grows_with_the_conversations()
    {
        // The rule pass reads all of a person's facts, so its work grows with them (decision record 012); what it
        // may not do is send them back as a list of ids, one parameter each: at 30,000 contacts that made every
        // logged call take three seconds of the app's processor time.
        const string LogForm = "form[action*='handler=Log']";
        var pages = new Dictionary<string, HtmlPage>();
        foreach (var (user, subjects) in new[] { fixture.SmallAccount, fixture.LargeAccount })
        {
            // The first pass after seeding makes every task the seeded facts call for, in batches of many rows;
            // what is measured is a pass that finds the tasks already there, as after any save in use.
            // That call is a month back, so the measured one (today) moves "last in touch" again: a fact.
            var first = await user.Client.GetPageAsync($"/people/{subjects.Other}");
            var today = DateOnly.Parse(first.Document.QuerySelector("input[name='Log.On']")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(first, LogForm, new()
            {
                ["Log.Note"] = "A first call", ["Log.On"] = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })).StatusCode);
            pages[user.Id] = await user.Client.GetPageAsync($"/people/{subjects.Other}");
        }
        var (small, large) = await BothAsync(async user =>
        {
            var response = await user.Client.SubmitAsync(pages[user.Id], LogForm, new() { ["Log.Note"] = "A call about the rules" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        });
        Assert.Contains(large.PerCommand, c => c.Contains("\"RuleKey\"", StringComparison.Ordinal));
        // The pass reads all of the person's facts, through the owner's indexes: never every person's rows.
        QueryWork.AssertNoWholeWalks(small, large);
        Assert.True(large.MostParameters <= small.MostParameters,
            $"A command of the rule pass carried {small.MostParameters} parameters at {RulePassPlanFixture.Small:N0} contacts and {large.MostParameters} at {RulePassPlanFixture.Large:N0}.");
    }
}
