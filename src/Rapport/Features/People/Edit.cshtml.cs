using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.People;

public class EditModel(RapportDb db, ContactEditor editor, FollowUps.FollowUpEngine followUps) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [FromRoute]
    public int Id { get; set; }

    public ContactForm Form { get; private set; } = null!;

    public string Name { get; private set; } = "";

    private Task<Contact?> LoadAsync() => db.Contacts
        .Include(c => c.Organization).Include(c => c.ReferredBy).ThenInclude(r => r!.Organization)
        .Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).Include(c => c.Fields)
        .AsSplitQuery()
        .FirstOrDefaultAsync(c => c.Id == Id);

    public async Task<IActionResult> OnGetAsync()
    {
        var contact = await LoadAsync();
        if (contact is null) return NotFound();
        Name = contact.FullName;
        Input = ContactEditor.InputFrom(contact, ReferrerLabel(contact.ReferredBy));
        Form = await editor.FormAsync(Input, Id, "Save changes");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = await LoadAsync();
        if (contact is null) return NotFound();
        Name = contact.FullName;
        if (!await editor.ApplyAsync(contact, Input, ModelState))
        {
            Form = await editor.FormAsync(Input, Id, "Save changes");
            return this.Refused(Form);
        }
        await db.SaveChangesAsync();
        // "Do not contact", tags (their keep-in-touch cadence) and "last in touch" are facts the rules read.
        await followUps.SyncAsync();
        TempData["Status"] = $"{contact.FullName} is saved.";
        return this.SavedGoTo(Url.Page("/People/Details", new { id = contact.Id })!);
    }

    /// <summary>How the referrer is written in the form, so saving again finds the same person.</summary>
    public static string? ReferrerLabel(Contact? referrer) => referrer is null ? null
        : referrer.Organization is null ? referrer.FullName : $"{referrer.FullName} ({referrer.Organization.Name})";
}
