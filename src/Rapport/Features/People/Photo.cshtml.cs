using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Formats.Images;

namespace Rapport.Features.People;

/// <summary>A contact's picture, for the contact page and the people list (an img from this site, so the content
/// security policy needs nothing more).</summary>
public class PhotoModel(RapportDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var bytes = await db.ContactPhotos.AsNoTracking().Where(p => p.ContactId == id).Select(p => p.Bytes).FirstOrDefaultAsync();
        // The type comes from the bytes at every answer, not from the stored column: a restored export could claim
        // anything, and only an image may be served from here.
        if (bytes is null || ImageType.Of(bytes) is not { } contentType) return NotFound();
        Response.Headers.CacheControl = "private, max-age=300";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(bytes, contentType);
    }
}
