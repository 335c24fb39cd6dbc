namespace Rapport.Formats.LinkedIn;

/// <summary>One row of LinkedIn's Connections.csv.</summary>
/// <param name="Line">1-based physical line where the row starts in the file.</param>
/// <param name="ProfileUrl">Normalised with <see cref="LinkedInProfileUrl.Normalize"/>; null when empty or not a profile.</param>
public sealed record LinkedInConnection(
    int Line,
    string FirstName,
    string LastName,
    string? ProfileUrl,
    string? Email,
    string? Company,
    string? Position,
    DateOnly? ConnectedOn);

/// <summary>A problem with one row; <see cref="Message"/> is user-readable and starts with "Line N: ".</summary>
public sealed record ImportIssue(int Line, string Message);

/// <summary>What was read from an upload. When <see cref="FileError"/> is set the whole file is unusable
/// and the lists are empty.</summary>
public sealed record ConnectionsFile(
    IReadOnlyList<LinkedInConnection> Connections,
    IReadOnlyList<ImportIssue> Rejected,
    IReadOnlyList<ImportIssue> Warnings,
    int EmptyRowsSkipped,
    string? FileError)
{
    public static ConnectionsFile Failed(string error) => new([], [], [], 0, error);
}
