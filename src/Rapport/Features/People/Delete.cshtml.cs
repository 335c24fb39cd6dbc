using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.People;

/// <summary>Deleting asks first, on its own page, so it works without JavaScript and never by accident.</summary>
public class DeleteModel(RapportDb db) : PageModel
{
    public string Name { get; private set; } = "";

    [FromRoute]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var name = await db.Contacts.AsNoTracking().Where(c => c.Id == Id).Select(c => c.Name).FirstOrDefaultAsync();
        if (name is null) return NotFound();
        Name = name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == Id);
        if (contact is null) return NotFound();
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{contact.Name} is deleted.";
        return RedirectToPage("/People/Index");
    }
}
