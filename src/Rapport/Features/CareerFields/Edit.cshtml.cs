using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.CareerFields;

public class EditModel(RapportDb db, CareerFieldEditor editor) : PageModel
{
    [BindProperty]
    public CareerFieldInput Input { get; set; } = new();

    /// <summary>The version the form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    [FromRoute]
    public int Id { get; set; }

    public EditState? Edit { get; private set; }

    public CareerFieldForm Form => new(Input, Id, Edit?.Conflict is null ? "Save changes" : "Save mine over it") { Edit = Edit };

    private Task<CareerField?> LoadAsync() => db.CareerFields.Include(f => f.Links).FirstOrDefaultAsync(f => f.Id == Id);

    public async Task<IActionResult> OnGetAsync()
    {
        var field = await LoadAsync();
        if (field is null) return NotFound();
        Input = CareerFieldInput.From(field);
        Edit = EditState.Opening(field, CareerFieldForm.FieldsOf(Input));
        Input.PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var field = await LoadAsync();
        if (field is null) return NotFound();
        var over = Opened.WritableOver(field, CareerFieldForm.FieldsOf(CareerFieldInput.From(field)));
        if (over is null) return Conflict(field);
        if (!await editor.ApplyAsync(field, Input, ModelState))
        {
            Edit = new EditState(Opened);
            Input.PadRows();
            return Page();
        }
        if (!await db.SaveAsOpenedAsync(field, over.Value))
        {
            var saved = await LoadAsync();
            return saved is null ? NotFound() : Conflict(saved);
        }
        TempData["Status"] = $"{field.Name} is saved.";
        return RedirectToPage("/CareerFields/Details", new { id = field.Id });
    }

    /// <summary>Saved elsewhere since the form was opened: nothing written, the typing kept, what changed named.</summary>
    private IActionResult Conflict(CareerField saved)
    {
        ModelState.Clear();
        Edit = EditState.Refused(Opened, saved, CareerFieldForm.FieldsOf(CareerFieldInput.From(saved)), CareerFieldForm.FieldsOf(Input));
        Input.PadRows();
        return this.Conflicted();
    }
}
