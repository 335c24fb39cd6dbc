using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.People;

public class EditModel(RapportDb db, ContactEditor editor) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    /// <summary>The version the form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    [FromRoute]
    public int Id { get; set; }

    public ContactForm Form { get; private set; } = null!;

    public string Name { get; private set; } = "";

    private Task<Contact?> LoadAsync() => db.Contacts
        .Include(c => c.Organization).Include(c => c.ReferredBy).ThenInclude(r => r!.Organization)
        .Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags).Include(c => c.Fields)
        .AsSplitQuery()
        .FirstOrDefaultAsync(c => c.Id == Id);

    public async Task<IActionResult> OnGetAsync()
    {
        var contact = await LoadAsync();
        if (contact is null) return NotFound();
        Name = contact.FullName;
        Input = ContactEditor.InputFrom(contact, ReferrerLabel(contact.ReferredBy));
        Form = await editor.FormAsync(Input, Id, "Save changes");
        Form = Form with { Edit = EditState.Opening(contact, ContactEditor.FieldsOf(Input, Form.Fields)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = await LoadAsync();
        if (contact is null) return NotFound();
        Name = contact.FullName;
        var over = Opened.WritableOver(contact, ContactEditor.FieldsOf(ContactEditor.InputFrom(contact, ReferrerLabel(contact.ReferredBy)), await editor.FieldChoicesAsync()));
        if (over is null) return await ConflictAsync(contact);
        if (!await editor.ApplyAsync(contact, Input, ModelState))
        {
            Form = await editor.FormAsync(Input, Id, "Save changes") with { Edit = new EditState(Opened) };
            return this.Refused("_ContactForm", Form);
        }
        if (!await db.SaveAsOpenedAsync(contact, over.Value))
        {
            var saved = await LoadAsync();
            return saved is null ? NotFound() : await ConflictAsync(saved);
        }
        TempData["Status"] = $"{contact.FullName} is saved.";
        return this.SavedGoTo(Url.Page("/People/Details", new { id = contact.Id })!);
    }

    /// <summary>Saved elsewhere since the form was opened: nothing is written; the form comes back with
    /// what the person typed, what changed, and the new version, so saving again keeps theirs.</summary>
    private async Task<IActionResult> ConflictAsync(Contact saved)
    {
        ModelState.Clear();
        var form = await editor.FormAsync(Input, Id, "Save mine over it");
        var savedFields = ContactEditor.FieldsOf(ContactEditor.InputFrom(saved, ReferrerLabel(saved.ReferredBy)), form.Fields);
        Form = form with { Edit = EditState.Refused(Opened, saved, savedFields, ContactEditor.FieldsOf(Input, form.Fields)) };
        return this.Conflicted("_ContactForm", Form);
    }

    /// <summary>How the referrer is written in the form, so saving again finds the same person.</summary>
    public static string? ReferrerLabel(Contact? referrer) => referrer is null ? null
        : referrer.Organization is null ? referrer.FullName : $"{referrer.FullName} ({referrer.Organization.Name})";
}
