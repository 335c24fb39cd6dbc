using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Formats;

namespace Rapport.Features.People;

public class DetailsModel(RapportDb db) : PageModel
{
    public ContactView Contact { get; private set; } = null!;

    public string NotesHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var contact = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ContactView(c.Id, c.Name, c.Email, c.Organization, c.Notes, c.CreatedAtUtc, c.UpdatedAtUtc))
            .FirstOrDefaultAsync();
        if (contact is null) return NotFound();
        Contact = contact;
        NotesHtml = SafeMarkdown.ToHtml(contact.Notes);
        return Page();
    }

    public sealed record ContactView(int Id, string Name, string? Email, string? Organization, string? Notes, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);
}
