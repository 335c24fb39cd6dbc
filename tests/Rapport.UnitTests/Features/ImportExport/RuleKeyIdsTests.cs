using Rapport.Domain;
using Rapport.Features.ImportExport;

namespace Rapport.UnitTests.Features.ImportExport;

public class RuleKeyIdsTests
{
    private static readonly Dictionary<(Type, int), int> NewIds = new()
    {
        [(typeof(Conversation), 12)] = 1,
        [(typeof(OutreachAttempt), 40)] = 2,
        [(typeof(Promise), 7)] = 3,
        [(typeof(Referral), 9)] = 4,
        [(typeof(Contact), 300)] = 5,
        [(typeof(SearchOutcome), 2)] = 6,
    };

    private static int? Lookup(Type table, int id) => NewIds.TryGetValue((table, id), out var found) ? found : null;

    [Theory]
    [InlineData("thank-you:12", "thank-you:1")]
    [InlineData("nudge:40", "nudge:2")]
    [InlineData("follow-up:40", "follow-up:2")]
    [InlineData("promise:7", "promise:3")]
    [InlineData("referral:9", "referral:4")]
    [InlineData("tell-referrer:9", "tell-referrer:4")]
    [InlineData("keep-in-touch:300:20261127", "keep-in-touch:5:20261127")]
    [InlineData("close-loop:2:300", "close-loop:6:5")]
    public void Every_id_in_a_rule_key_follows_its_row(string key, string expected)
    {
        Assert.True(RuleKeyIds.TryTranslate(key, Lookup, out var translated));
        Assert.Equal(expected, translated);
    }

    [Fact]
    public void A_key_naming_a_row_that_is_gone_loses_its_key()
    {
        Assert.True(RuleKeyIds.TryTranslate("promise:999", Lookup, out var translated));
        Assert.Null(translated);
    }

    [Theory]
    [InlineData("birthday:12")]
    [InlineData("thank-you:twelve")]
    [InlineData("thank-you:-3")]
    [InlineData("thank-you:12:13")]
    [InlineData("")]
    public void A_key_it_cannot_read_is_refused(string key) => Assert.False(RuleKeyIds.TryTranslate(key, Lookup, out _));
}
