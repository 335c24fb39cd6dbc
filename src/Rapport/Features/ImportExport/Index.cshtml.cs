using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.ImportExport;

/// <summary>Bring people in (LinkedIn's export, vCard files) and take everything out (CSV, vCard).
/// An upload its import can read is kept until the person confirms its preview; one it cannot is refused here.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class IndexModel(RapportDb db, PendingUploads uploads, ContactExport export, ContactCounts counts, AuditTrail audit) : PageModel
{
    public const long MaxFileBytes = 25 * 1024 * 1024;
    private const long MaxRequestBytes = 40 * 1024 * 1024;

    public int ContactCount { get; private set; }

    public async Task OnGetAsync() => ContactCount = await counts.GetAsync(db);

    public Task<IActionResult> OnPostLinkedInAsync(IFormFile? file) => UploadAsync(file, ImportKind.LinkedIn, "LinkedInFile");

    public Task<IActionResult> OnPostVCardAsync(IFormFile? file) => UploadAsync(file, ImportKind.VCard, "VCardFile");

    public async Task<IActionResult> OnGetContactsCsvAsync()
    {
        await audit.RecordAsync(AuditKind.Exported, "All contacts as CSV");
        return export.CsvFile(null, "rapport-contacts.csv");
    }

    public async Task<IActionResult> OnGetContactsVCardAsync()
    {
        await audit.RecordAsync(AuditKind.Exported, "All contacts as vCard");
        return export.VCardFile(null, "rapport-contacts.vcf");
    }

    public async Task<IActionResult> OnGetOrganizationsCsvAsync()
    {
        await audit.RecordAsync(AuditKind.Exported, "Organizations as CSV");
        return await export.OrganizationsCsvAsync("rapport-organizations.csv");
    }

    private async Task<IActionResult> UploadAsync(IFormFile? file, ImportKind kind, string field)
    {
        if (file is null || file.Length == 0) ModelState.AddModelError(field, "Choose a file to upload. The file is empty or missing.");
        else if (file.Length > MaxFileBytes) ModelState.AddModelError(field, "The file is larger than 25 MB. LinkedIn and phone exports are far smaller: check you picked the right file.");
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer);
        var (id, refusal) = await uploads.KeepAsync(kind, SafeFileName(file.FileName), buffer.ToArray());
        if (refusal is not null)
        {
            ModelState.AddModelError(field, refusal);
            await OnGetAsync();
            return Page();
        }
        return RedirectToPage("/ImportExport/Preview", new { id });
    }

    /// <summary>Only the last path segment, printable characters, a sane length: it is shown back and logged.</summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u200F' or '\u200E')).ToArray()).Trim();
        if (clean.Length == 0) clean = "upload";
        return clean.Length > PendingImport.FileNameMaxLength ? clean[..PendingImport.FileNameMaxLength] : clean;
    }
}
