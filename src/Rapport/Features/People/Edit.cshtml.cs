using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.People;

public class EditModel(RapportDb db) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [FromRoute]
    public int Id { get; set; }

    public ContactForm Form => new(Input, Id, "Save changes");

    public async Task<IActionResult> OnGetAsync()
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id);
        if (contact is null) return NotFound();
        Input = ContactInput.From(contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == Id);
        if (contact is null) return NotFound();
        if (!ModelState.IsValid) return this.Refused(Form);
        Input.ApplyTo(contact);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{contact.Name} is saved.";
        return this.SavedGoTo(Url.Page("/People/Details", new { id = contact.Id })!);
    }
}
