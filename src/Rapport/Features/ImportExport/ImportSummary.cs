using Rapport.Formats.LinkedIn;

namespace Rapport.Features.ImportExport;

/// <summary>What an uploaded file would do, shown before the person confirms.</summary>
public sealed record ImportSummary(
    string? FileError,
    int New, int Updated, int Unchanged,
    IReadOnlyList<ImportIssue> Rejected,
    IReadOnlyList<ImportIssue> Warnings,
    IReadOnlyList<(string Name, string Change)> JobChanges,
    IReadOnlyList<string> NewNames,
    IReadOnlyList<string> UpdatedNames,
    int NewOrganizations,
    int EmptyRowsSkipped,
    HistoryPlan? History = null)
{
    public const int SampleSize = 25;

    public static ImportSummary Failed(string error) => new(error, 0, 0, 0, [], [], [], [], [], 0, 0);

    /// <summary>The history of a LinkedIn export that can be imported, with at least one new message.</summary>
    public bool HistoryToImport => History is { Problem: null, Messages.Count: > 0 };

    public bool CanImport => FileError is null && (New + Updated > 0 || HistoryToImport);
}
