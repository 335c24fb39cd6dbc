using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.CareerFields;

public class CreateModel(RapportDb db, CareerFieldEditor editor) : PageModel
{
    [BindProperty]
    public CareerFieldInput Input { get; set; } = new();

    public CareerFieldForm Form => new(Input, null, "Add career field");

    public void OnGet() => Input.PadRows();

    public async Task<IActionResult> OnPostAsync()
    {
        var field = new CareerField();
        if (!await editor.ApplyAsync(field, Input, ModelState))
        {
            Input.PadRows();
            return Page();
        }
        db.CareerFields.Add(field);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{field.Name} is added. Write down what you want to find out about it.";
        return RedirectToPage("/CareerFields/Details", new { id = field.Id });
    }
}
