using Rapport.Domain;
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
    int EmptyRowsSkipped)
{
    public const int SampleSize = 25;

    public static ImportSummary Failed(string error) => new(error, 0, 0, 0, [], [], [], [], [], 0, 0);

    public bool CanImport => FileError is null && New + Updated > 0;
}

/// <summary>One kind of contact import (LinkedIn, vCard): the same preview, the same all-or-nothing apply.</summary>
public interface IContactImport
{
    Task<ImportSummary> SummarizeAsync(byte[] content, string fileName);

    /// <summary>Imports in one transaction; returns how many contacts were added or changed.
    /// Refuses (returns null) when rows were rejected and the person did not choose to skip them.</summary>
    Task<int?> ApplyAsync(byte[] content, string fileName, bool skipRejected);
}

public sealed class LinkedInContactImport(LinkedInImport import) : IContactImport
{
    public async Task<ImportSummary> SummarizeAsync(byte[] content, string fileName)
    {
        var file = ConnectionsCsv.Read(new MemoryStream(content), fileName);
        if (file.FileError is not null) return ImportSummary.Failed(file.FileError);
        var plan = await import.PlanAsync(file);
        // A row may have no first name: the summary shows the name without the space before it.
        string Name(LinkedInConnection c) => Contact.FullNameOf(c.FirstName, c.LastName).Trim();
        return new ImportSummary(null,
            plan.Count(ImportOutcome.New), plan.Count(ImportOutcome.Updated), plan.Count(ImportOutcome.Unchanged),
            plan.Rejected, plan.Warnings,
            plan.Rows.Where(r => r.JobChange is not null).Select(r => (Name(r.Row), r.JobChange!)).ToList(),
            plan.Rows.Where(r => r.Outcome == ImportOutcome.New).Take(ImportSummary.SampleSize).Select(r => Name(r.Row)).ToList(),
            plan.Rows.Where(r => r.Outcome == ImportOutcome.Updated).Take(ImportSummary.SampleSize).Select(r => Name(r.Row)).ToList(),
            plan.NewOrganizations, plan.EmptyRowsSkipped);
    }

    public async Task<int?> ApplyAsync(byte[] content, string fileName, bool skipRejected)
    {
        var file = ConnectionsCsv.Read(new MemoryStream(content), fileName);
        if (file.FileError is not null) return null;
        var plan = await import.PlanAsync(file);
        if (plan.Rejected.Count > 0 && !skipRejected) return null;
        return await import.ApplyAsync(plan);
    }
}
