using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.ImportExport;

/// <summary>Shows what an upload would do, then imports it all at once on confirmation, or drops it.</summary>
public class PreviewModel(RapportDb db, LinkedInContactImport linkedIn, VCardContactImport vCard, ContactCounts counts, AuditTrail audit, RapportMetrics metrics) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public string FileName { get; private set; } = "";
    public ImportKind Kind { get; private set; }
    public ImportSummary Summary { get; private set; } = null!;

    [BindProperty]
    public bool SkipRejected { get; set; }

    /// <summary>Also import the message history of a LinkedIn export; offered ticked, and only what is posted counts.</summary>
    [BindProperty]
    public bool ImportHistory { get; set; }

    private IContactImport Importer => Kind == ImportKind.LinkedIn ? linkedIn : vCard;

    public async Task<IActionResult> OnGetAsync()
    {
        var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id);
        if (pending is null) return NotFound();
        (FileName, Kind) = (pending.FileName, pending.Kind);
        Summary = await Importer.SummarizeAsync(pending.Content, pending.FileName);
        ImportHistory = Summary.HistoryToImport;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id);
        if (pending is null) return NotFound();
        // Claim the upload first: a second confirmation (another tab) finds nothing left to import.
        if (await db.PendingImports.Where(p => p.Id == Id).ExecuteDeleteAsync() != 1) return NotFound();
        (FileName, Kind) = (pending.FileName, pending.Kind);
        var (changed, messages) = Kind == ImportKind.LinkedIn
            ? await linkedIn.ApplyAsync(pending.Content, pending.FileName, SkipRejected, ImportHistory)
            : (await vCard.ApplyAsync(pending.Content, pending.FileName, SkipRejected), 0);
        if (changed is null || messages is null)
        {
            await transaction.RollbackAsync();
            Summary = await Importer.SummarizeAsync(pending.Content, pending.FileName);
            if (changed is null) ModelState.AddModelError("SkipRejected", "Some lines cannot be imported. Fix them and upload the file again, or tick the box to import the rest without them.");
            else ModelState.AddModelError("ImportHistory", "The history cannot be imported (see above). Untick the box to import the people alone.");
            return Page();
        }
        await transaction.CommitAsync();
        counts.Forget(db.OwnerId);
        metrics.Imported(Kind == ImportKind.LinkedIn ? "linkedin" : "vcard", changed.Value);
        var history = messages > 0 ? $", {messages:N0} {(messages == 1 ? "message" : "messages")} from the LinkedIn history" : "";
        await audit.RecordAsync(AuditKind.Imported, $"{(Kind == ImportKind.LinkedIn ? "LinkedIn" : "vCard")} file: {changed:N0} added or updated{history}");
        TempData["Status"] = $"Imported {FileName}: {changed:N0} {(changed == 1 ? "person" : "people")} added or updated{history}.";
        return RedirectToPage("/People/Index");
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        var deleted = await db.PendingImports.Where(p => p.Id == Id).ExecuteDeleteAsync();
        if (deleted == 0) return NotFound();
        TempData["Status"] = "The upload is discarded; nothing was imported.";
        return RedirectToPage("/ImportExport/Index");
    }
}
