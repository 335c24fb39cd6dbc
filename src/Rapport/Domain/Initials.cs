using System.Globalization;

namespace Rapport.Domain;

/// <summary>The letters shown in place of a photo: the first of the first name and of the last ("AL" for Ada Lovelace),
/// whole characters even outside the Basic Multilingual Plane, so an emoji or "𝔘" is never cut in half.</summary>
public static class Initials
{
    public static string Of(string firstName, string? lastName)
    {
        var words = $"{firstName} {lastName}".Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = words.Length > 0 ? FirstOf(words[0]) : "";
        var last = words.Length > 1 ? FirstOf(words[^1]) : "";
        var initials = (first + last).ToUpperInvariant();
        return initials.Length > 0 ? initials : "?";
    }

    /// <summary>The first letter or digit of a word (skipping quotes and brackets), else its first character.</summary>
    private static string FirstOf(string word)
    {
        var elements = StringInfo.GetTextElementEnumerator(word);
        string? first = null;
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            first ??= element;
            if (char.IsLetterOrDigit(element, 0)) return element;
        }
        return first ?? "";
    }
}
