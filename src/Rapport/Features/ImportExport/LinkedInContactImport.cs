using Rapport.Domain;
using Rapport.Formats.LinkedIn;

namespace Rapport.Features.ImportExport;

public sealed class LinkedInContactImport(LinkedInImport import) : IContactImport
{
    public string? FileError(byte[] content, string fileName) => ConnectionsCsv.Read(new MemoryStream(content), fileName).FileError;

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
