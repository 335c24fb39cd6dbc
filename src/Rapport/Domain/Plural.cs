using System.Globalization;

namespace Rapport.Domain;

/// <summary>A count with its noun in the right number: "1 timeline entry", "2 timeline entries", "0 people".
/// English only, like the rest of the app; a noun the rules get wrong passes its plural.</summary>
public static class Plural
{
    public static string Of(int count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + Noun(count, singular, plural);

    /// <summary>The noun alone, for "3 of your contacts"-like sentences that place the number themselves.</summary>
    public static string Noun(int count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? PluralOf(singular);

    private static string PluralOf(string singular)
    {
        // The last word carries the number: "timeline entry" → "timeline entries".
        var space = singular.LastIndexOf(' ');
        var (head, word) = (singular[..(space + 1)], singular[(space + 1)..]);
        return head + word switch
        {
            "person" => "people",
            "Person" => "People",
            _ when word.Length > 1 && word.EndsWith('y') && !"aeiou".Contains(word[^2]) => word[..^1] + "ies",
            _ when word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal) => word + "es",
            _ => word + "s",
        };
    }
}
