using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.CareerFields;

public class EditModel(RapportDb db, CareerFieldEditor editor) : PageModel
{
    [BindProperty]
    public CareerFieldInput Input { get; set; } = new();

    [FromRoute]
    public int Id { get; set; }

    public CareerFieldForm Form => new(Input, Id, "Save changes");

    public async Task<IActionResult> OnGetAsync()
    {
        var field = await db.CareerFields.Include(f => f.Links).AsNoTracking().FirstOrDefaultAsync(f => f.Id == Id);
        if (field is null) return NotFound();
        Input = CareerFieldInput.From(field);
        Input.PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var field = await db.CareerFields.Include(f => f.Links).FirstOrDefaultAsync(f => f.Id == Id);
        if (field is null) return NotFound();
        if (!await editor.ApplyAsync(field, Input, ModelState))
        {
            Input.PadRows();
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Status"] = $"{field.Name} is saved.";
        return RedirectToPage("/CareerFields/Details", new { id = field.Id });
    }
}
