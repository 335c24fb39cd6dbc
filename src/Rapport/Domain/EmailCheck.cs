using System.Text;

namespace Rapport.Domain;

/// <summary>What career coaches teach about a request email, checked on the filled-in text. Advice
/// only: the person may send whatever they like. Words match whole and ignoring case; the lists are
/// short on purpose, so a hint is rarely wrong, at the cost of missing some phrasings.</summary>
public static class EmailCheck
{
    public const string LengthRule = "Under 100 words";
    public const string AdviceRule = "Asks for advice, not a job";
    public const string ConnectionRule = "Says first how you found them";
    public const string QuestionRule = "Ends the request with a question";
    public const string AboutThemRule = "More about them than about you";

    public const int IdealWords = 75;
    public const int MaxWords = 100;

    // Phrases that ask for work. Bare "job" or "position" is not here: "your job" is a fine topic.
    private static readonly string[][] JobAsks = Phrases(
        "hire me", "hiring", "employ me", "refer me", "consider me", "for a job", "get a job", "find a job",
        "land a job", "a job at", "a job with", "any jobs", "job opening", "job openings", "job opportunity",
        "job opportunities", "job offer", "opening", "openings", "vacancy", "vacancies", "open position",
        "open positions", "open role", "open roles", "a position at", "a position with", "any positions",
        "apply for", "applying for");

    private static readonly string[][] AdviceWords = Phrases(
        "advice", "advise", "insight", "insights", "learn", "learning", "perspective", "perspectives",
        "experience", "experiences", "guidance", "information", "informational", "tips", "hear about", "hear how");

    // "Not a job" is exactly what the guides say to write, so a job phrase after one of these in the
    // same sentence does not count.
    private static readonly HashSet<string> Negations =
        new(["not", "no", "never", "without", "rather", "instead", "nor", "cannot"], StringComparer.Ordinal);

    // How the person came to write: who sent them, what they share, or where they saw the contact.
    // The contact's own name is not a connection, so it is not here.
    private static readonly string[][] Connections = Phrases(
        "referred", "referral", "suggested", "recommended", "mentioned", "introduced", "fellow", "alum",
        "alumna", "alumnus", "alumni", "alumnae", "classmate", "classmates", "colleague", "mutual", "linkedin",
        "we met", "met you", "we spoke", "your talk", "your article", "your post", "your presentation",
        "your panel", "your podcast", "your book", "your profile", "your name", "heard you", "read your",
        "saw your", "found you", "found your", "came across", "same school", "also studied", "also graduated");

    private static readonly string[][] SignOffs = Phrases(
        "thank", "thanks", "many thanks", "best", "all the best", "kind regards", "warm regards",
        "warmest regards", "regards", "warmly", "warm wishes", "sincerely", "cheers", "respectfully", "yours",
        "with gratitude", "with thanks", "gratefully", "take care", "i look forward", "looking forward",
        "i appreciate", "i hope to hear", "hope to hear");

    private static readonly HashSet<string> Greetings =
        new(["hi", "hello", "dear", "hey", "greetings", "good"], StringComparer.Ordinal);

    // A full stop after these does not end a sentence ("Dr. Chen suggested...").
    private static readonly HashSet<string> Abbreviations =
        new(["mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "e.g", "i.e"],
            StringComparer.Ordinal);

    public static IReadOnlyList<CheckResult> Review(string? body, string? contactFirstName = null)
    {
        var text = body ?? "";
        var sentences = CoreSentences(text, contactFirstName);
        var sentenceWords = sentences.Select(Words).Where(w => w.Count > 0).ToList();
        return
        [
            CheckLength(text),
            CheckAdvice(sentenceWords),
            CheckConnection(sentenceWords),
            CheckQuestion(sentences),
            CheckAboutThem(Words(text)),
        ];
    }

    private static CheckResult CheckLength(string text)
    {
        var count = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
        var words = count == 1 ? "1 word" : $"{count} words";
        if (count >= MaxWords)
            return new(LengthRule, false, $"{words}: cut it to under {MaxWords} ({IdealWords} is ideal). "
                + "Keep how you found them, who you are and your question.");
        if (count > IdealWords)
            return new(LengthRule, true, $"{words}: fine, though {IdealWords} or fewer is ideal. Trim a sentence if you can.");
        return new(LengthRule, true, $"{words}: short enough to read at a glance.");
    }

    private static CheckResult CheckAdvice(List<List<string>> sentences)
    {
        if (JobAsk(sentences) is { } ask)
            return new(AdviceRule, false, $"\"{ask}\" reads like asking for a job. "
                + "Ask for their advice and insight instead; openings can come up later, from them.");
        return sentences.Any(words => AdviceWords.Any(p => IndexOf(words, p) >= 0))
            ? new(AdviceRule, true, "Asks for their advice and insight, not a job.")
            : new(AdviceRule, false, "Say what you hope to gain: their advice, insight or experience, not a job.");
    }

    /// <summary>The first phrase that asks for work, outside a "not a job" sentence; null when none does.</summary>
    internal static string? JobAsk(List<List<string>> sentences)
    {
        foreach (var words in sentences)
        {
            foreach (var phrase in JobAsks)
            {
                var at = IndexOf(words, phrase);
                if (at >= 0 && !words.Take(at).Any(IsNegation)) return string.Join(' ', phrase);
            }
        }
        return null;
    }

    private static CheckResult CheckConnection(List<List<string>> sentences) =>
        sentences.Count > 0 && Connections.Any(p => IndexOf(sentences[0], p) >= 0)
            ? new(ConnectionRule, true, "Opens with how you found them, so they know why you are writing.")
            : new(ConnectionRule, false, "Start with how you found them: who suggested them, the school you share, "
                + "or where you saw their work.");

    private static CheckResult CheckQuestion(List<string> sentences)
    {
        // Closing courtesies ("Thank you for your time.") may follow the request; the request is before them.
        var last = sentences.Count - 1;
        while (last >= 0 && !EndsWithQuestion(sentences[last]) && SignOffs.Any(p => StartsWith(Words(sentences[last]), p)))
            last--;
        return last >= 0 && EndsWithQuestion(sentences[last])
            ? new(QuestionRule, true, "Ends the request with a question, which is easy to say yes to.")
            : new(QuestionRule, false, "End your request with a question, such as \"Would you have 20 minutes in the next few weeks?\"");
    }

    private static CheckResult CheckAboutThem(List<string> words)
    {
        var you = 0;
        var me = 0;
        foreach (var word in words)
        {
            // "I'm", "you're": the pronoun is the part before the apostrophe.
            var stem = word.Split('\'')[0];
            if (stem is "you" or "your" or "yours" or "yourself" or "yourselves") you++;
            else if (stem is "i" or "me" or "my" or "mine" or "myself") me++;
        }
        return you >= me
            ? new(AboutThemRule, true, $"Says you/your {you} times and I/me/my {me}: it is about them.")
            : new(AboutThemRule, false, $"Says I/me/my {me} times and you/your {you}: turn a sentence or two toward them and their work.");
    }

    /// <summary>The sentences between the greeting and the sign-off. Paragraphs are split at blank
    /// lines; a single line break is a space, so hard-wrapped text still reads as sentences.</summary>
    internal static List<string> CoreSentences(string text, string? contactFirstName)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0) return [];
        lines[first] = WithoutGreeting(lines[first], contactFirstName);
        var end = ClosingStart(lines);

        var sentences = new List<string>();
        var paragraph = new StringBuilder();
        for (var i = first; i <= end; i++)
        {
            if (i < end && lines[i].Length > 0)
            {
                paragraph.Append(lines[i]).Append(' ');
                continue;
            }
            sentences.AddRange(SplitSentences(paragraph.ToString()));
            paragraph.Clear();
        }
        // A note in one paragraph is signed on its last line ("...20 minutes? Ana"): the name is no sentence of it.
        if (sentences.Count > 1 && IsSignature(sentences[^1])) sentences.RemoveAt(sentences.Count - 1);
        return sentences;
    }

    /// <summary>A name with nothing after it: up to four words, each capitalised ("Ana", "– Ana-Maria Lee"),
    /// with no full stop, question mark or exclamation at the end.</summary>
    private static bool IsSignature(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).ToList();
        return words.Count is >= 1 and <= 4 && words.All(w => char.IsUpper(w.First(char.IsLetter)))
            && !".?!".Contains(sentence[^1], StringComparison.Ordinal);
    }

    private static string WithoutGreeting(string line, string? contactFirstName)
    {
        var words = Words(line);
        var name = Words(contactFirstName ?? "");
        var isGreeting = words.Count > 0 && (Greetings.Contains(words[0]) || (name.Count > 0 && StartsWith(words, [.. name])));
        if (!isGreeting) return line;
        // "Hi Ada, Priya suggested..." keeps what follows the greeting.
        var mark = line.IndexOfAny([',', ':', '!']);
        if (mark >= 0) return line[(mark + 1)..].Trim();
        return words.Count <= 5 ? "" : line;
    }

    /// <summary>Index of the first line of the sign-off and signature, or lines.Count when there is none.
    /// The sign-off is looked for among the last four non-empty lines; with none, a short last line
    /// without a full stop or question mark is taken as the name.</summary>
    private static int ClosingStart(List<string> lines)
    {
        var tail = Enumerable.Range(0, lines.Count).Where(i => lines[i].Length > 0).TakeLast(4).ToList();
        foreach (var i in tail)
        {
            var words = Words(lines[i]);
            if (words.Count <= 6 && !EndsWithQuestion(lines[i]) && SignOffs.Any(p => StartsWith(words, p))) return i;
        }
        if (tail.Count > 1)
        {
            var last = tail[^1];
            if (Words(lines[last]).Count <= 4 && !".?!:".Contains(lines[last][^1], StringComparison.Ordinal)) return last;
        }
        return lines.Count;
    }

    private static IEnumerable<string> SplitSentences(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?')) continue;
            var end = i;
            while (end + 1 < paragraph.Length && paragraph[end + 1] is '.' or '!' or '?' or '"' or '\'' or ')' or '”' or '’')
                end++;
            if (end + 1 < paragraph.Length && !char.IsWhiteSpace(paragraph[end + 1])) continue;
            if (paragraph[i] == '.' && IsAbbreviation(paragraph, start, i)) continue;
            var sentence = paragraph[start..(end + 1)].Trim();
            if (sentence.Length > 0) yield return sentence;
            start = end + 1;
            i = end;
        }
        var rest = paragraph[start..].Trim();
        if (rest.Length > 0) yield return rest;
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var from = dot;
        while (from > start && !char.IsWhiteSpace(text[from - 1])) from--;
        var word = text[from..dot].ToLowerInvariant();
        // A lone initial: "A. Lovelace".
        return (word.Length == 1 && char.IsLetter(word[0])) || Abbreviations.Contains(word);
    }

    internal static bool EndsWithQuestion(string sentence) =>
        sentence.TrimEnd(' ', '"', '\'', ')', '”', '’').EndsWith('?');

    private static bool IsNegation(string word) => Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);

    /// <summary>Lower-case words: letters and digits, with inner apostrophes kept ("i'm", "don't").</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (c is '\'' or '’' && word.Length > 0) word.Append('\'');
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            var done = word.ToString().TrimEnd('\'');
            if (done.Length > 0) words.Add(done);
            word.Clear();
        }
    }

    internal static string[][] Phrases(params string[] phrases) => [.. phrases.Select(p => p.Split(' '))];

    private static bool StartsWith(List<string> words, string[] phrase) => MatchesAt(words, phrase, 0);

    internal static int IndexOf(List<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
            if (MatchesAt(words, phrase, i)) return i;
        return -1;
    }

    private static bool MatchesAt(List<string> words, string[] phrase, int at)
    {
        if (at + phrase.Length > words.Count) return false;
        for (var j = 0; j < phrase.Length; j++)
            if (!string.Equals(words[at + j], phrase[j], StringComparison.Ordinal)) return false;
        return true;
    }
}
