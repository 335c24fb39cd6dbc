using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.People;

public class CreateModel(RapportDb db, ContactEditor editor, AlreadyThereCheck alreadyThere) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    /// <summary>Pressed after the form said the person may already be there.</summary>
    [BindProperty]
    public bool SaveAnyway { get; set; }

    public ContactForm Form { get; private set; } = null!;

    public async Task OnGetAsync() => Form = await editor.FormAsync(Input, null, "Add contact");

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = new Contact();
        if (!await editor.ApplyAsync(contact, Input, ModelState))
        {
            Form = await editor.FormAsync(Input, null, "Add contact");
            return this.Refused("_ContactForm", Form);
        }
        if (!SaveAnyway && await alreadyThere.FindAsync(contact) is { Count: > 0 } found)
        {
            Form = await editor.FormAsync(Input, null, "Add contact") with { AlreadyThere = found };
            return this.Refused("_ContactForm", Form);
        }
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{contact.FullName} is added.";
        return this.SavedGoTo(Url.Page("/People/Details", new { id = contact.Id })!);
    }
}
