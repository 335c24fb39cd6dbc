using Rapport.Domain;
using Rapport.Formats.LinkedIn;

namespace Rapport.Features.ImportExport;

public sealed class LinkedInContactImport(LinkedInImport import, LinkedInHistoryImport history) : IContactImport
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
            plan.NewOrganizations, plan.EmptyRowsSkipped,
            LinkedInHistory.Read(content) is { Present: true } found ? await history.PlanAsync(found, plan) : null);
    }

    public async Task<int?> ApplyAsync(byte[] content, string fileName, bool skipRejected) =>
        (await ApplyAsync(content, fileName, skipRejected, withHistory: false)).Changed;

    /// <summary>The people, then (when asked) the message history of the same export, which then matches them too.
    /// Changed is null when nothing may be imported; Messages is null when the history was asked for and cannot be.</summary>
    public async Task<(int? Changed, int? Messages)> ApplyAsync(byte[] content, string fileName, bool skipRejected, bool withHistory)
    {
        var file = ConnectionsCsv.Read(new MemoryStream(content), fileName);
        if (file.FileError is not null) return (null, 0);
        var plan = await import.PlanAsync(file);
        if (plan.Rejected.Count > 0 && !skipRejected) return (null, 0);
        var found = withHistory ? LinkedInHistory.Read(content) : LinkedInHistory.None;
        // The history's problem, not the people's: the page asks to untick the history (Changed is not what stops it).
        if (found.Problem is not null) return (0, null);
        // The history is matched before the people are written, with those the plan adds among them (as the preview
        // does): matched after, every contact was read and every message matched a second time.
        var messages = found.Present ? await history.PlanAsync(found, plan) : null;
        if (messages?.Problem is not null) return (0, null);
        var (changed, newIds) = await import.ApplyAsync(plan);
        return (changed, messages is null ? 0 : await history.ApplyAsync(messages, newIds));
    }
}
