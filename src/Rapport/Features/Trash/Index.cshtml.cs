using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Web;

namespace Rapport.Features.Trash;

/// <summary>What the person deleted in the last 30 days: restore it, or delete it forever now. Contacts list the
/// conversations that went with them; a conversation is listed on its own only if its contact is still in use.</summary>
public class IndexModel(RapportDb db, TrashCan trash, TimeProvider clock, UserTime time) : PageModel
{
    public const int Shown = 500;

    public sealed record TrashedContact(int Id, string Name, DateTime DeletedAtUtc, int Conversations);
    public sealed record TrashedConversation(int Id, string ContactName, Domain.ConversationStage Stage, DateTime DeletedAtUtc);

    public IReadOnlyList<TrashedContact> Contacts { get; private set; } = [];
    public IReadOnlyList<TrashedConversation> Conversations { get; private set; } = [];
    public int ContactCount { get; private set; }
    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync()
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var contacts = db.ContactsWithTrash.AsNoTracking().Where(c => c.DeletedAtUtc != null);
        ContactCount = await contacts.CountAsync();
        Contacts = (await contacts.OrderByDescending(c => c.DeletedAtUtc).ThenBy(c => c.Id).Take(Shown)
                .Select(c => new
                {
                    c.Id, c.FirstName, c.LastName, c.DeletedAtUtc,
                    Conversations = db.ConversationsWithTrash.Count(v => v.ContactId == c.Id && v.DeletedAtUtc == c.DeletedAtUtc),
                })
                .ToListAsync())
            .Select(c => new TrashedContact(c.Id, Domain.Contact.FullNameOf(c.FirstName, c.LastName), c.DeletedAtUtc!.Value, c.Conversations))
            .ToList();
        Conversations = (await db.ConversationsWithTrash.AsNoTracking()
                .Where(v => v.DeletedAtUtc != null && v.Contact!.DeletedAtUtc == null)
                .OrderByDescending(v => v.DeletedAtUtc).ThenBy(v => v.Id).Take(Shown)
                .Select(v => new { v.Id, v.Contact!.FirstName, v.Contact.LastName, v.Stage, v.DeletedAtUtc })
                .ToListAsync())
            .Select(v => new TrashedConversation(v.Id, Domain.Contact.FullNameOf(v.FirstName, v.LastName), v.Stage, v.DeletedAtUtc!.Value))
            .ToList();
    }

    public int DaysLeft(DateTime deletedAtUtc) => Domain.Trash.DaysLeft(deletedAtUtc, NowUtc);

    public string DeletedOn(DateTime deletedAtUtc) => time.FormatDate(deletedAtUtc);

    public async Task<IActionResult> OnPostRestoreContactAsync(int id)
    {
        var name = await trash.RestoreContactAsync(id);
        if (name is null) return NotFound();
        TempData["Status"] = $"{name} is back.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreConversationAsync(int id)
    {
        var name = await trash.RestoreConversationAsync(id);
        if (name is null) return NotFound();
        TempData["Status"] = $"The conversation with {name} is back.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPurgeContactAsync(int id)
    {
        if (!await trash.PurgeContactAsync(id)) return NotFound();
        TempData["Status"] = "Deleted forever.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPurgeConversationAsync(int id)
    {
        if (!await trash.PurgeConversationAsync(id)) return NotFound();
        TempData["Status"] = "Deleted forever.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmptyAsync()
    {
        var removed = await trash.EmptyAsync();
        TempData["Status"] = removed == 0 ? "The trash was already empty." : "The trash is empty.";
        return RedirectToPage();
    }
}
