namespace Rapport.Domain;

/// <summary>A name as it reads inside a sentence: "reading about data analysis", not "about Data analysis".
/// Only a capital that looks like a sentence's first letter is lowered: a first word with more capitals
/// ("UX", "AI", "iOS") or a name with more capitalised words ("Public Health", "New York") is left as a
/// proper noun.</summary>
public static class MidSentence
{
    public static string Name(string name)
    {
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return name.Trim();
        var first = words[0];
        var looksLikeSentenceStart = char.IsUpper(first[0]) && first.Skip(1).All(c => !char.IsUpper(c)) && first.Skip(1).Any(char.IsLetter)
            && words.Skip(1).All(w => !char.IsUpper(w[0]));
        return looksLikeSentenceStart ? char.ToLowerInvariant(first[0]) + name.Trim()[1..] : name.Trim();
    }
}
