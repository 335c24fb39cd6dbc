using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Organizations;

public class CreateModel(RapportDb db, OrganizationEditor editor) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public OrganizationForm Form { get; private set; } = null!;

    public async Task OnGetAsync() => Form = await editor.FormAsync(Input, null, "Add organization");

    public async Task<IActionResult> OnPostAsync()
    {
        var organization = new Organization();
        if (!await editor.ApplyAsync(organization, Input, ModelState))
        {
            Form = await editor.FormAsync(Input, null, "Add organization");
            return Page();
        }
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{organization.Name} is added.";
        return RedirectToPage("/Organizations/Details", new { id = organization.Id });
    }
}
