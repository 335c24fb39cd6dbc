namespace Rapport.Domain;

/// <summary>What the guides teach about a thank-you note: thank them for something they said, not
/// only for their time; send it within a day or two; and ask for nothing new in it.</summary>
public static class ThankYouCheck
{
    public const string SpecificRule = "Names something specific";
    public const string InTimeRule = "Sent within the thank-you deadline";
    public const string NoAskRule = "Makes no new ask";

    /// <summary>Words that point at something the contact said; what follows them is the specific thing.</summary>
    private static readonly string[][] Pointers = EmailCheck.Phrases(
        "you said", "you mentioned", "you suggested", "you recommended", "you told me", "you explained", "you described",
        "you shared", "your advice to", "your advice about", "your advice on", "your suggestion", "your tip", "your story",
        "your point", "stayed with me", "stuck with me", "i learned", "learning that", "learning about", "hearing about",
        "hearing how", "especially", "in particular", "particularly");

    // Enough words after the pointer to name a thing: "especially your story about the county office".
    private const int SpecificWords = 3;

    private static readonly string[][] Asks = EmailCheck.Phrases(
        "could you", "would you", "can you", "will you", "could we", "can we", "would it be possible", "would you mind",
        "introduce me", "put me in touch", "i was wondering", "do you know anyone", "please send");

    public static IReadOnlyList<CheckResult> Review(string text, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var sentences = EmailCheck.CoreSentences(text, facts.ContactFirstName);
        return [Specific(sentences), InTime(facts), NoNewAsk(sentences)];
    }

    private static CheckResult Specific(List<string> sentences)
    {
        foreach (var words in sentences.Select(EmailCheck.Words))
        {
            // The last pointer in the sentence: "one thing you said has stayed with me:" names nothing yet.
            var after = -1;
            foreach (var pointer in Pointers)
            {
                for (var at = EmailCheck.IndexOf(words, pointer); at >= 0; at = IndexFrom(words, pointer, at + 1))
                    after = Math.Max(after, at + pointer.Length);
            }
            if (after >= 0 && words.Count - after >= SpecificWords)
                return new(SpecificRule, true, "Names something they said, so they know their advice landed.");
        }
        return new(SpecificRule, false, "Name one thing they said that helped, such as \"your advice to start in a county office\".");
    }

    private static CheckResult InTime(MessageFacts facts)
    {
        var hours = facts.ThankYouHours;
        if (facts.ThankYouDueUtc is not DateTime due)
            return new(InTimeRule, true, $"Send it within {hours} hours of the conversation.");
        var left = due - facts.NowUtc;
        if (left < TimeSpan.Zero)
            return new(InTimeRule, false, $"The {hours} hours after the conversation have passed: send it today anyway, a late thank-you beats none.");
        var hoursLeft = (int)Math.Ceiling(left.TotalHours);
        return new(InTimeRule, true, hoursLeft == 1 ? "Sent now, it is in time: 1 hour left." : $"Sent now, it is in time: {hoursLeft} hours left.");
    }

    /// <summary>A thank-you or a cover note that asks for more reads as the price of the thanks.</summary>
    internal static CheckResult NoNewAsk(List<string> sentences)
    {
        var words = sentences.Select(EmailCheck.Words).ToList();
        var asks = sentences.Any(EmailCheck.EndsWithQuestion) || words.Any(w => Asks.Any(p => EmailCheck.IndexOf(w, p) >= 0))
            || EmailCheck.JobAsk(words) is not null;
        return asks
            ? new(NoAskRule, false, "Take out the question or request: thank them now, and ask another time.")
            : new(NoAskRule, true, "Asks for nothing: it only thanks them.");
    }

    private static int IndexFrom(List<string> words, string[] phrase, int from)
    {
        var at = EmailCheck.IndexOf(words.Skip(from).ToList(), phrase);
        return at < 0 ? -1 : from + at;
    }
}
