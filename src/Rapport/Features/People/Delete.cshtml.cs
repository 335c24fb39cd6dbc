using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.People;

/// <summary>Deleting a contact moves them, with their conversations, to the trash for 30 days, after the person has
/// seen what goes; then every fact about them is removed (their data is someone else's).</summary>
public class DeleteModel(RapportDb db, Trash.TrashCan trash) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public string Name { get; private set; } = "";
    public int Facts { get; private set; }
    public int TimelineEntries { get; private set; }
    public int ReferredCount { get; private set; }
    public int ConversationCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var found = await db.Contacts.AsNoTracking().Where(c => c.Id == Id).Select(c => new
        {
            c.FirstName, c.LastName,
            Facts = c.Emails.Count + c.Phones.Count + c.Tags.Count + c.Fields.Count,
            Events = c.Events.Count,
        }).FirstOrDefaultAsync();
        if (found is null) return NotFound();
        Name = Domain.Contact.FullNameOf(found.FirstName, found.LastName);
        Facts = found.Facts;
        TimelineEntries = found.Events;
        ReferredCount = await db.Contacts.CountAsync(c => c.ReferredById == Id);
        ConversationCount = await db.Conversations.CountAsync(c => c.ContactId == Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == Id);
        if (contact is null) return NotFound();
        await trash.MoveContactsAsync([contact]);
        TempData["Status"] = $"{contact.FullName} is in the trash for {Domain.Trash.KeptDays} days.";
        return RedirectToPage("/People/Index");
    }
}
