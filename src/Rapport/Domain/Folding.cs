using System.Globalization;
using System.Text;

namespace Rapport.Domain;

/// <summary>Folds text for matching: case, accents and Unicode composition do not matter, so
/// "Zoë", "ZOE" and "Zoe\u0308" are one key. Done in C# because SQLite's NOCASE folds ASCII only.</summary>
public static class Folding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }
        // German sharp s folds to "ss" so that "Straße" finds "STRASSE".
        return sb.ToString().TrimEnd().Replace("ß", "ss", StringComparison.Ordinal);
    }

    /// <summary>Letters Unicode does not decompose, so <see cref="Fold"/> keeps them: search folds them to their
    /// base letters too, so "lukasz" finds "Łukasz". Only search: the names that carry unique indexes
    /// (organizations, tags) keep <see cref="Fold"/>, so no two stored names start colliding.</summary>
    public static readonly IReadOnlyDictionary<char, string> SearchLetters = new Dictionary<char, string>
    {
        ['ł'] = "l", ['ø'] = "o", ['æ'] = "ae", ['œ'] = "oe", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th",
        ['ı'] = "i", ['ħ'] = "h", ['ŧ'] = "t", ['ŋ'] = "n", ['ƒ'] = "f", ['ɨ'] = "i", ['ʉ'] = "u",
    };

    /// <summary>Folds for search: <see cref="Fold"/>, then the letters of <see cref="SearchLetters"/>.</summary>
    public static string FoldForSearch(string? text)
    {
        var folded = Fold(text);
        if (!folded.Any(SearchLetters.ContainsKey)) return folded;
        var sb = new StringBuilder(folded.Length + 4);
        foreach (var c in folded)
        {
            if (SearchLetters.TryGetValue(c, out var plain)) sb.Append(plain);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Cuts at a character boundary, never inside a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var cut = maxLength;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut];
    }
}
