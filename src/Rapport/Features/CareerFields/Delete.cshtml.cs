using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.CareerFields;

public class DeleteModel(RapportDb db) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public string Name { get; private set; } = "";
    public int Questions { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var found = await db.CareerFields.Where(f => f.Id == Id).Select(f => new { f.Name, Questions = f.OpenQuestions.Count }).FirstOrDefaultAsync();
        if (found is null) return NotFound();
        (Name, Questions) = (found.Name, found.Questions);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var field = await db.CareerFields.FirstOrDefaultAsync(f => f.Id == Id);
        if (field is null) return NotFound();
        db.CareerFields.Remove(field);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{field.Name} is deleted.";
        return RedirectToPage("/Research/Index");
    }
}
