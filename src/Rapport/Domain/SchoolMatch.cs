namespace Rapport.Domain;

/// <summary>Whether a contact went to the person's school: folded as search folds (case, accents, "ł"), and the
/// person's school as whole words of the contact's, so "University of Michigan" matches "University of Michigan,
/// Ross School of Business" but "MIT" does not match "Smith College".</summary>
public static class SchoolMatch
{
    public static bool Same(string? yourSchool, string? theirSchool)
    {
        var yours = Words(yourSchool);
        var theirs = Words(theirSchool);
        if (yours.Length == 0 || theirs.Length < yours.Length) return false;
        for (var start = 0; start + yours.Length <= theirs.Length; start++)
            if (yours.AsSpan().SequenceEqual(theirs.AsSpan(start, yours.Length))) return true;
        return false;
    }

    private static string[] Words(string? school)
    {
        var folded = Folding.FoldForSearch(school);
        var spaced = string.Create(folded.Length, folded, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++) span[i] = char.IsLetterOrDigit(text[i]) ? text[i] : ' ';
        });
        return spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
