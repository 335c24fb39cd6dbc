using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Organizations;

/// <summary>Deleting an organization keeps the people who work there; they just lose the link.</summary>
public class DeleteModel(RapportDb db) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public string Name { get; private set; } = "";
    public int People { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var name = await db.Organizations.Where(o => o.Id == Id).Select(o => o.Name).FirstOrDefaultAsync();
        if (name is null) return NotFound();
        Name = name;
        People = await db.Contacts.CountAsync(c => c.OrganizationId == Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == Id);
        if (organization is null) return NotFound();
        var contacts = await db.Contacts.Where(c => c.OrganizationId == Id).Include(c => c.Tags).Include(c => c.Emails).AsSplitQuery().ToListAsync();
        foreach (var contact in contacts)
        {
            contact.Organization = null;
            contact.OrganizationId = null;
            contact.RefreshSearch(null);
        }
        db.Organizations.Remove(organization);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{organization.Name} is deleted.";
        return RedirectToPage("/Organizations/Index");
    }
}
