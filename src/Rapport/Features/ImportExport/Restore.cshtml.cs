using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Rapport.Data;

namespace Rapport.Features.ImportExport;

/// <summary>All of one's data as a Rapport JSON export, and restoring such an export into an empty account
/// (on this install or another, SQLite or PostgreSQL).</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class RestoreModel(AccountExport export, AccountRestore restore, TimeProvider clock) : PageModel
{
    public const long MaxFileBytes = 200L * 1024 * 1024;
    private const long MaxRequestBytes = MaxFileBytes + 1024 * 1024;

    public void OnGet() { }

    public IActionResult OnGetExport() => new JsonDownload(export, $"rapport-export-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.json");

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) ModelState.AddModelError("RestoreFile", "Choose a Rapport export to upload. The file is empty or missing.");
        else if (file.Length > MaxFileBytes) ModelState.AddModelError("RestoreFile", "The file is larger than 200 MB, more than any Rapport export of one account.");
        if (!ModelState.IsValid) return Page();
        await using var content = file!.OpenReadStream();
        var outcome = await restore.RunAsync(content, HttpContext.RequestAborted);
        if (!outcome.Restored)
        {
            ModelState.AddModelError("RestoreFile", outcome.Message);
            return Page();
        }
        TempData["Status"] = outcome.Message;
        return RedirectToPage("/People/Index");
    }

    /// <summary>The export written straight to the response, table by table.</summary>
    private sealed class JsonDownload(AccountExport export, string fileName) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "application/json";
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
            await export.WriteAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }
}
