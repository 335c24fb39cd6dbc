using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Organizations;

public class EditModel(RapportDb db, OrganizationEditor editor) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    [FromRoute]
    public int Id { get; set; }

    public OrganizationForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var organization = await db.Organizations.Include(o => o.Fields).AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id);
        if (organization is null) return NotFound();
        Form = await editor.FormAsync(OrganizationInput.From(organization), Id, "Save changes");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organization = await db.Organizations.Include(o => o.Fields).FirstOrDefaultAsync(o => o.Id == Id);
        if (organization is null) return NotFound();
        var oldName = organization.Name;
        if (!await editor.ApplyAsync(organization, Input, ModelState))
        {
            Form = await editor.FormAsync(Input, Id, "Save changes");
            return Page();
        }
        if (organization.Name != oldName) await editor.RefreshContactsSearchAsync(organization);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{organization.Name} is saved.";
        return RedirectToPage("/Organizations/Details", new { id = organization.Id });
    }
}
