namespace Rapport.Domain;

/// <summary>The checks for one message, by its kind: a request is checked against what the guides
/// teach about asking, a thank-you against what they teach about thanking, and so on. The first check
/// is always whether a field is left unfilled, since the contact would see "[field.name]".</summary>
public static class MessageChecks
{
    public const string UnfilledRule = "Every field filled in";

    public static IReadOnlyList<CheckResult> Review(string? subject, string? body, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var unfilled = UnfilledFields.In((subject ?? "") + "\n" + (body ?? ""));
        var first = unfilled.Count == 0
            ? new CheckResult(UnfilledRule, true, "Nothing is left in brackets.")
            : new CheckResult(UnfilledRule, false,
                $"Still in brackets: {string.Join(", ", unfilled.Select(n => "[" + n + "]"))}. Write them in, or take them out, before you send.",
                Serious: true);
        var text = UnfilledFields.Without(body);
        IReadOnlyList<CheckResult> rest = facts.Purpose switch
        {
            TemplatePurpose.ThankYou => ThankYouCheck.Review(text, facts),
            TemplatePurpose.CoverNote or TemplatePurpose.KeepInTouch or TemplatePurpose.CloseTheLoop => LaterMessageCheck.Review(text, facts),
            // A follow-up comes after a request: who the person is and how they found them was said the first time;
            // it is short, asks for advice and ends on the question again.
            TemplatePurpose.FollowUp => EmailCheck.Review(text, facts.ContactFirstName)
                .Where(r => r.Rule is EmailCheck.LengthRule or EmailCheck.AdviceRule or EmailCheck.QuestionRule).ToList(),
            _ => EmailCheck.Review(text, facts.ContactFirstName),
        };
        return [first, .. rest];
    }
}
