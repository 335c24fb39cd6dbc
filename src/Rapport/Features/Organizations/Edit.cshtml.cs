using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Organizations;

public class EditModel(RapportDb db, OrganizationEditor editor) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    /// <summary>The version the form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    [FromRoute]
    public int Id { get; set; }

    public OrganizationForm Form { get; private set; } = null!;

    private Task<Organization?> LoadAsync() => db.Organizations.Include(o => o.Fields).FirstOrDefaultAsync(o => o.Id == Id);

    public async Task<IActionResult> OnGetAsync()
    {
        var organization = await LoadAsync();
        if (organization is null) return NotFound();
        Form = await editor.FormAsync(OrganizationInput.From(organization), Id, "Save changes");
        Form = Form with { Edit = EditState.Opening(organization, Form.FieldsOf(Form.Input)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organization = await LoadAsync();
        if (organization is null) return NotFound();
        var choices = await editor.FormAsync(OrganizationInput.From(organization), Id, "");
        var over = Opened.WritableOver(organization, choices.FieldsOf(choices.Input));
        if (over is null) return await ConflictAsync(organization);
        var oldName = organization.Name;
        if (!await editor.ApplyAsync(organization, Input, ModelState))
        {
            Form = await editor.FormAsync(Input, Id, "Save changes") with { Edit = new EditState(Opened) };
            return Page();
        }
        if (organization.Name != oldName) await editor.RefreshContactsSearchAsync(organization);
        if (!await db.SaveAsOpenedAsync(organization, over.Value))
        {
            var saved = await LoadAsync();
            return saved is null ? NotFound() : await ConflictAsync(saved);
        }
        TempData["Status"] = $"{organization.Name} is saved.";
        return RedirectToPage("/Organizations/Details", new { id = organization.Id });
    }

    /// <summary>Saved elsewhere since the form was opened: nothing written, the typing kept, what changed named.</summary>
    private async Task<IActionResult> ConflictAsync(Organization saved)
    {
        ModelState.Clear();
        var form = await editor.FormAsync(Input, Id, "Save mine over it");
        Form = form with { Edit = EditState.Refused(Opened, saved, form.FieldsOf(OrganizationInput.From(saved)), form.FieldsOf(Input)) };
        return this.Conflicted();
    }
}
