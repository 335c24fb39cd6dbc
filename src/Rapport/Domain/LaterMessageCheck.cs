namespace Rapport.Domain;

/// <summary>The checks for messages after the conversation: sending what was promised, an update on what
/// came of their advice, and closing the loop on the search. Each says one thing and asks for no job.</summary>
public static class LaterMessageCheck
{
    public const string PromisedRule = "Says what you are sending";
    public const string UpdateRule = "Says what came of their advice";
    public const string NoJobRule = "Asks for no job";
    public const string OutcomeRule = "Says how your search turned out";
    public const string ThanksRule = "Thanks them again";

    private static readonly string[][] Sending = EmailCheck.Phrases(
        "attached", "attach", "attaching", "enclosed", "link", "here is", "here's", "sending", "as promised");

    private static readonly string[][] CameOf = EmailCheck.Phrases(
        "your advice", "you suggested", "you recommended", "your suggestion", "took your", "thanks to you", "since we talked",
        "since we spoke", "acting on", "put to use", "followed up", "i followed", "i have been", "i've been", "i started",
        "i applied", "i joined", "i met", "i talked", "i spoke");

    private static readonly string[][] Outcomes = EmailCheck.Phrases(
        "accepted", "joined", "joining", "start", "starting", "started", "offer", "decided", "chose", "new role", "new job",
        "i'm now", "i am now", "landed", "hired", "returning", "enrolled");

    private static readonly string[][] Thanks = EmailCheck.Phrases(
        "thank", "thanks", "grateful", "gratitude", "appreciate", "appreciated");

    public static IReadOnlyList<CheckResult> Review(string text, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var sentences = EmailCheck.CoreSentences(text, facts.ContactFirstName);
        var words = sentences.Select(EmailCheck.Words).ToList();
        var all = EmailCheck.Words(text);
        bool Has(string[][] phrases) => phrases.Any(p => EmailCheck.IndexOf(all, p) >= 0);
        return facts.Purpose switch
        {
            TemplatePurpose.CoverNote =>
            [
                (!string.IsNullOrWhiteSpace(facts.PromiseText) && text.Contains(facts.PromiseText.Trim(), StringComparison.OrdinalIgnoreCase)) || Has(Sending)
                    ? new(PromisedRule, true, "Says what you are sending.")
                    : new(PromisedRule, false, "Say what you promised and attach it, or paste the link."),
                ThankYouCheck.NoNewAsk(sentences),
            ],
            TemplatePurpose.KeepInTouch =>
            [
                Has(CameOf)
                    ? new(UpdateRule, true, "Tells them what you did with their advice: the reason to write.")
                    : new(UpdateRule, false, "Tell them one thing you did with their advice since you talked."),
                EmailCheck.JobAsk(words) is { } ask
                    ? new(NoJobRule, false, $"\"{ask}\" reads like asking for a job: keep this an update.")
                    : new(NoJobRule, true, "Asks for no job: it keeps the door open."),
            ],
            _ =>
            [
                Has(Outcomes)
                    ? new(OutcomeRule, true, "Says how it turned out, which is what they will want to know.")
                    : new(OutcomeRule, false, "Say where you landed: the role, the school, or the decision you made."),
                Has(Thanks)
                    ? new(ThanksRule, true, "Thanks them for their part in it.")
                    : new(ThanksRule, false, "Thank them for their part in it."),
            ],
        };
    }
}
