using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class MessageChecksTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private const string ThankYou =
        "Dear Ada,\n\n"
        + "Thank you for talking with me about urban planning. One thing you said has stayed with me: "
        + "start in a county office before moving to a city.\n\n"
        + "I'll follow up on your suggestions and let you know how things turn out.\n\n"
        + "With thanks,\nSam";

    private static MessageFacts Facts(TemplatePurpose purpose, DateTime? due = null, string? promise = null) =>
        new(purpose, "Ada", Now, due, 48, promise);

    private static IReadOnlyList<CheckResult> Review(TemplatePurpose purpose, string body, DateTime? due = null, string? promise = null) =>
        MessageChecks.Review(null, body, Facts(purpose, due, promise));

    private static CheckResult Rule(IReadOnlyList<CheckResult> results, string rule) => results.Single(r => r.Rule == rule);

    [Fact]
    public void An_unfilled_field_is_the_first_check_failed_and_serious_naming_each_field()
    {
        var results = MessageChecks.Review("About [field.name]", "Dear Ada, [me.introduction] Would you have 20 minutes? [me.availability]",
            Facts(TemplatePurpose.Request));
        var first = results[0];
        Assert.Equal(MessageChecks.UnfilledRule, first.Rule);
        Assert.False(first.Passed);
        Assert.True(first.Serious);
        Assert.Contains("[field.name], [me.introduction], [me.availability]", first.Hint);
    }

    [Fact]
    public void A_message_with_every_field_filled_passes_the_first_check_and_brackets_of_its_own_do_not_count()
    {
        var first = Review(TemplatePurpose.Request, "Dear Ada, [sic] would you have 20 minutes?")[0];
        Assert.True(first.Passed);
        Assert.False(first.Serious);
    }

    [Fact]
    public void Rapports_linkedin_note_filled_in_and_signed_with_a_first_name_passes_every_request_check()
    {
        var note = BuiltInTemplates.All.Single(t => t.Key == "linkedin-invitation-note");
        var values = TemplateFields.All.ToDictionary(f => f.Name, f => (string?)f.Example);
        var body = MessageTemplate.Render(note.Body, values);
        Assert.EndsWith("? Sam", body, StringComparison.Ordinal);
        Assert.All(MessageChecks.Review(null, body, new MessageFacts(TemplatePurpose.Request, "Priya", Now)),
            r => Assert.True(r.Passed, $"{r.Rule}: {r.Hint}"));
    }

    [Fact]
    public void A_thank_you_is_checked_with_the_thank_you_rules_not_the_request_rules()
    {
        var rules = Review(TemplatePurpose.ThankYou, ThankYou).Select(r => r.Rule).ToList();
        Assert.Equal([MessageChecks.UnfilledRule, ThankYouCheck.SpecificRule, ThankYouCheck.InTimeRule, ThankYouCheck.NoAskRule], rules);
        Assert.DoesNotContain(EmailCheck.ConnectionRule, rules);
        Assert.DoesNotContain(EmailCheck.QuestionRule, rules);
    }

    [Fact]
    public void A_thank_you_that_names_what_they_said_sent_in_time_and_asking_nothing_passes_everything() =>
        Assert.All(Review(TemplatePurpose.ThankYou, ThankYou, due: Now.AddHours(30)), r => Assert.True(r.Passed, $"{r.Rule}: {r.Hint}"));

    [Fact]
    public void A_thank_you_only_for_their_time_or_with_the_specific_thing_left_unfilled_names_nothing_specific()
    {
        Assert.False(Rule(Review(TemplatePurpose.ThankYou, "Dear Ada,\n\nThank you for your time and your advice about planning.\n\nSam"), ThankYouCheck.SpecificRule).Passed);
        var unfilled = ThankYou.Replace("start in a county office before moving to a city.", "[conversation.learned]", StringComparison.Ordinal);
        Assert.False(Rule(Review(TemplatePurpose.ThankYou, unfilled), ThankYouCheck.SpecificRule).Passed);
    }

    [Fact]
    public void A_thank_you_after_the_deadline_fails_the_deadline_and_says_to_send_it_anyway()
    {
        var late = Rule(Review(TemplatePurpose.ThankYou, ThankYou, due: Now.AddMinutes(-1)), ThankYouCheck.InTimeRule);
        Assert.False(late.Passed);
        Assert.Contains("48 hours", late.Hint);
        Assert.Contains("1 hour left", Rule(Review(TemplatePurpose.ThankYou, ThankYou, due: Now.AddMinutes(30)), ThankYouCheck.InTimeRule).Hint);
    }

    [Theory]
    [InlineData("Could you introduce me to someone at the county office?")]
    [InlineData("If you hear of any openings, please let me know.")]
    [InlineData("Do you know anyone else I should talk to?")]
    public void A_thank_you_that_asks_for_something_new_fails_the_no_ask_rule(string ask) =>
        Assert.False(Rule(Review(TemplatePurpose.ThankYou, ThankYou.Replace("With thanks", ask + "\n\nWith thanks", StringComparison.Ordinal)), ThankYouCheck.NoAskRule).Passed);

    [Fact]
    public void A_follow_up_is_not_asked_to_say_again_how_you_found_them()
    {
        var rules = Review(TemplatePurpose.FollowUp, "Dear Ada, I wrote last week. Would you have 20 minutes?").Select(r => r.Rule).ToList();
        Assert.DoesNotContain(EmailCheck.ConnectionRule, rules);
        Assert.Contains(EmailCheck.QuestionRule, rules);
    }

    [Fact]
    public void Promised_material_an_update_and_closing_the_loop_each_have_their_own_checks()
    {
        var cover = Review(TemplatePurpose.CoverNote, "Dear Ada,\n\nHere is the article on transit I mentioned.\n\nBest,\nSam", promise: "the article on transit");
        Assert.Equal([MessageChecks.UnfilledRule, LaterMessageCheck.PromisedRule, ThankYouCheck.NoAskRule], cover.Select(r => r.Rule));
        Assert.All(cover, r => Assert.True(r.Passed, r.Rule));

        var update = Review(TemplatePurpose.KeepInTouch, "Dear Ada,\n\nI wanted to say hello.\n\nBest,\nSam");
        Assert.False(Rule(update, LaterMessageCheck.UpdateRule).Passed);
        Assert.True(Rule(Review(TemplatePurpose.KeepInTouch, "Dear Ada,\n\nI took your advice and applied to the county office.\n\nBest,\nSam"), LaterMessageCheck.UpdateRule).Passed);

        var close = Review(TemplatePurpose.CloseTheLoop, "Dear Ada,\n\nI accepted a junior planner role with the city. Thank you for your part in it.\n\nSam");
        Assert.Equal([MessageChecks.UnfilledRule, LaterMessageCheck.OutcomeRule, LaterMessageCheck.ThanksRule], close.Select(r => r.Rule));
        Assert.All(close, r => Assert.True(r.Passed, r.Rule));
    }

    [Fact]
    public void Every_built_in_template_filled_with_the_examples_passes_its_own_kinds_checks()
    {
        var examples = TemplateFields.All.ToDictionary(f => f.Name, f => (string?)f.Example);
        foreach (var template in BuiltInTemplates.All.Where(t => t.Channel is Channel.Email))
        {
            var body = MessageTemplate.Render(template.Body, examples);
            var results = MessageChecks.Review(null, body, new MessageFacts(template.Purpose, "Priya", Now, Now.AddHours(1), 48, examples["promise.text"]));
            Assert.All(results, r => Assert.True(r.Passed, $"{template.Key}: {r.Rule}: {r.Hint}"));
        }
    }
}
