namespace Rapport.Domain;

/// <summary>Reads the timeline sentence the LinkedIn import wrote for a job change before job changes were
/// kept as rows: "Moved from Analyst at Acme to Lead at Globex". Only the job left is read, and only where the
/// sentence can be read one way: exactly one " to " between the two jobs, and exactly one " at " in the job
/// left. "Moved from Acme to Globex" is left alone: it may be a title or an organization.</summary>
public static class JobChangeSentence
{
    public const string Start = "Moved from ";
    public const string Between = " to ";
    public const string At = " at ";

    /// <summary>"Moved from Analyst at Acme to Lead at Globex": the sentence a job change leaves on the timeline,
    /// from a LinkedIn import or typed by hand.</summary>
    public static string Write(string? titleLeft, string? organizationLeft, string? titleNow, string? organizationNow) =>
        $"{Start}{Describe(titleLeft, organizationLeft)}{Between}{Describe(titleNow, organizationNow)}";

    private static string Describe(string? title, string? organization) =>
        (title, organization) switch
        {
            (null, null) => "no listed job",
            (_, null) => title!,
            (null, _) => organization!,
            _ => $"{title}{At}{organization}",
        };

    /// <summary>The title and organization left, or null when the sentence cannot be read one way.</summary>
    public static (string Title, string Organization)? JobLeft(string? sentence)
    {
        if (sentence is null || !sentence.StartsWith(Start, StringComparison.Ordinal)) return null;
        var rest = sentence[Start.Length..];
        if (Count(rest, Between) != 1) return null;
        var left = rest[..rest.IndexOf(Between, StringComparison.Ordinal)];
        if (Count(left, At) != 1) return null;
        var at = left.IndexOf(At, StringComparison.Ordinal);
        var (title, organization) = (left[..at].Trim(' '), left[(at + At.Length)..].Trim(' '));
        return title.Length == 0 || organization.Length == 0 ? null : (title, organization);
    }

    // Counted left to right without overlaps, as SQL's replace() finds them: the migration reads the same way.
    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
