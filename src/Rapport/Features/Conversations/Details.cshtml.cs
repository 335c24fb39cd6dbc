using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>One conversation at a glance: its stage and history, the meeting, what came out of it,
/// and the way to each step (prepare, schedule, hold, reflect).</summary>
public class DetailsModel(RapportDb db, ConversationStageService stages, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public Conversation Conversation { get; private set; } = null!;
    public string ContactName { get; private set; } = "";
    public IReadOnlyList<ConversationRow> Overlaps { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, NameUse MayUseName)> ReferralNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostStageAsync(ConversationStage to)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        var from = conversation.Stage;
        var move = Enum.IsDefined(to) ? stages.Move(conversation, to) : new StageMove(false, "Choose a stage from the list.");
        if (!move.Allowed)
        {
            TempData["Status"] = move.Reason;
            return RedirectToPage(new { id = Id });
        }
        await db.SaveChangesAsync();
        TempData["Status"] = ConversationStages.IsReopening(from, to)
            ? $"Reopened: now {ConversationStages.Label(to).ToLowerInvariant()}."
            : $"Now {ConversationStages.Label(to).ToLowerInvariant()}.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostPromiseDoneAsync(int promiseId)
    {
        var promise = await db.Promises.FirstOrDefaultAsync(p => p.Id == promiseId && p.ConversationId == Id);
        if (promise is null) return NotFound();
        promise.DoneAtUtc = promise.DoneAtUtc is null ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync();
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        db.Conversations.Remove(conversation);
        await db.SaveChangesAsync();
        TempData["Status"] = "The conversation is deleted.";
        return RedirectToPage("/Conversations/Index");
    }

    private async Task<bool> LoadAsync()
    {
        var conversation = await db.Conversations.AsNoTracking()
            .Include(c => c.Contact).Include(c => c.Organization).Include(c => c.StageChanges)
            .Include(c => c.Promises).Include(c => c.Fields).ThenInclude(f => f.CareerField)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return false;
        Conversation = conversation;
        ContactName = conversation.Contact!.FullName;
        ReferralNames = (await db.Referrals.AsNoTracking().Where(r => r.ConversationId == Id)
                .Select(r => new { r.ContactId, r.Contact!.FirstName, r.Contact.LastName, r.MayUseName }).ToListAsync())
            .Select(r => (r.ContactId, r.LastName is null ? r.FirstName : $"{r.FirstName} {r.LastName}", r.MayUseName)).ToList();
        if (conversation.MeetingStartUtc is DateTime start)
            Overlaps = await ConversationQueries.OverlapsAsync(db, Id, start, conversation.DurationMinutes);
        return true;
    }
}
