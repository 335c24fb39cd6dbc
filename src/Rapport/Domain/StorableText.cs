namespace Rapport.Domain;

/// <summary>What text can be kept on every supported database. PostgreSQL rejects NUL in text
/// (SQLite accepts it), so NUL is refused everywhere.</summary>
public static class StorableText
{
    public const string Message = "contains a NUL character (\\0), which cannot be saved. Remove it and try again.";

    public static bool HasUnstorable(string? text) => text is not null && text.Contains('\0');
}
