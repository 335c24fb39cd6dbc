using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>One conversation at a glance: its stage and history, the meeting, what came out of it,
/// and the way to each step (prepare, schedule, hold, reflect).</summary>
public class DetailsModel(RapportDb db, ConversationStageService stages, TimeProvider clock, Web.UserTime time, Trash.TrashCan trash) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public ConversationPage.Facts Conversation { get; private set; } = null!;
    public string ContactName => Conversation.ContactName;
    public IReadOnlyList<ConversationRow> Overlaps { get; private set; } = [];
    public IReadOnlyList<ConversationPage.Referred> ReferralNames { get; private set; } = [];

    /// <summary>Messages sent and replies, newest first.</summary>
    public IReadOnlyList<ConversationPage.Entry> Messages { get; private set; } = [];

    /// <summary>Changes of stage, newest first.</summary>
    public IReadOnlyList<ConversationPage.Entry> Stages { get; private set; } = [];
    public IReadOnlyList<ConversationPage.Promised> Promises { get; private set; } = [];

    /// <summary>The stage the last move can be undone to, if it can.</summary>
    public ConversationStage? UndoesTo { get; private set; }

    public NextStepButton Next => new(Conversation.Id, Conversation.ContactFirstName,
        ConversationNextStep.For(Conversation.Stage, Conversation.MeetingStartUtc, clock.GetUtcNow().UtcDateTime, time.Zone));

    /// <summary>The next steps written in the reflection, as the tasks they became.</summary>
    public FollowUps.NextSteps NextSteps { get; private set; } = new([], []);

    /// <summary>Logs what came back, and moves the stage: accepted leads to scheduling, declined and
    /// no reply are the side exits.</summary>
    public async Task<IActionResult> OnPostReplyAsync(ReplyKind kind)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null || !Enum.IsDefined(kind)) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Replies.Add(new Reply { ConversationId = Id, ContactId = conversation.ContactId, Kind = kind, AtUtc = now });
        if (kind != ReplyKind.NoReply)
        {
            var contact = await db.Contacts.FirstAsync(c => c.Id == conversation.ContactId);
            contact.MarkInTouch(DateOnly.FromDateTime(time.ToLocal(now)));
        }
        var to = kind switch
        {
            ReplyKind.Declined => ConversationStage.Declined,
            ReplyKind.NoReply => ConversationStage.NoReply,
            _ => conversation.MeetingStartUtc is null ? (ConversationStage?)null : ConversationStage.Scheduled,
        };
        if (to is ConversationStage next && conversation.Stage != next) stages.Move(conversation, next);
        await db.SaveChangesAsync();
        if (kind == ReplyKind.Accepted && conversation.MeetingStartUtc is null)
        {
            TempData["Status"] = "They said yes. Set the time you agreed.";
            return RedirectToPage("/Conversations/Schedule", new { id = Id });
        }
        TempData["Status"] = kind switch
        {
            ReplyKind.Declined => "Logged: they declined. It happens; who else could you ask?",
            ReplyKind.NoReply => "Logged: no reply.",
            _ => "Logged: they said yes.",
        };
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostStageAsync(ConversationStage to)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        var from = conversation.Stage;
        var move = await stages.MoveByHandAsync(conversation, to);
        if (!move.Allowed)
        {
            TempData["Status"] = move.Reason;
            return RedirectToPage(new { id = Id });
        }
        await db.SaveChangesAsync();
        TempData["Status"] = ConversationStages.IsReopening(from, to)
            ? $"Reopened: now {Labels.Of(to).ToLowerInvariant()}."
            : $"Now {Labels.Of(to).ToLowerInvariant()}.";
        return RedirectToPage(new { id = Id });
    }

    /// <summary>Takes back the last stage move: the stage and meeting time before it, without the tasks it made.</summary>
    public async Task<IActionResult> OnPostUndoAsync()
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        var back = await stages.UndoAsync(conversation);
        if (back is null)
        {
            TempData["Status"] = "There is no stage move to undo.";
            return RedirectToPage(new { id = Id });
        }
        await db.SaveChangesAsync();
        TempData["Status"] = conversation.MeetingStartUtc is DateTime start
            ? $"Undone: back to {Labels.Of(back.Value).ToLowerInvariant()}, meeting at {time.Format(start)}."
            : $"Undone: back to {Labels.Of(back.Value).ToLowerInvariant()}.";
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
        await trash.MoveConversationAsync(conversation);
        TempData["Status"] = $"The conversation is in the trash for {Domain.Trash.KeptDays} days.";
        return RedirectToPage("/Conversations/Index");
    }

    private async Task<bool> LoadAsync()
    {
        var page = await ConversationPage.LoadAsync(db, Id);
        if (page is null) return false;
        (Conversation, Overlaps, ReferralNames, Messages, Stages, Promises, UndoesTo) =
            (page.Conversation, page.Overlaps, page.Referrals, page.Messages, page.Stages, page.Promises, page.UndoesTo);
        NextSteps = await FollowUps.NextSteps.OfConversationAsync(db, Id);
        return true;
    }
}
