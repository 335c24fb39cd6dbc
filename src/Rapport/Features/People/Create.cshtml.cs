using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.People;

public class CreateModel(RapportDb db) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public ContactForm Form => new(Input, null, "Add contact");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return this.Refused(Form);
        var contact = new Contact();
        Input.ApplyTo(contact);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        TempData["Status"] = $"{contact.Name} is added.";
        return this.SavedGoTo(Url.Page("/People/Details", new { id = contact.Id })!);
    }
}
