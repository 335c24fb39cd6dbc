namespace Rapport.Domain;

/// <summary>The merge fields still standing as "[name]" in a filled-in message: a field Rapport had no
/// value for is rendered so, and the person may send it unnoticed.</summary>
public static class UnfilledFields
{
    /// <summary>The field names, in the order they first appear.</summary>
    public static IReadOnlyList<string> In(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return TemplateFields.All
            .Select(f => (f.Name, At: text.IndexOf("[" + f.Name + "]", StringComparison.Ordinal)))
            .Where(f => f.At >= 0).OrderBy(f => f.At).Select(f => f.Name).ToList();
    }

    /// <summary>The text without its placeholders, so a check reads a bracketed name as nothing written.</summary>
    public static string Without(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var name in In(text)) text = text.Replace("[" + name + "]", "", StringComparison.Ordinal);
        return text;
    }
}
