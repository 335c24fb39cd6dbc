using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>Moves a conversation to another stage when the rules allow it, keeping the change with its
/// time and what it replaced, so the last move can be undone.</summary>
public sealed class ConversationStageService(RapportDb db, TimeProvider clock, Web.UserTime time)
{
    /// <summary>A move; <paramref name="meetingStartBeforeUtc"/> is the meeting time before the handler changed
    /// it (ending early moves it), so an undo can put it back.</summary>
    public StageMove Move(Conversation conversation, ConversationStage to, DateTime? meetingStartBeforeUtc = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var check = ConversationStages.Check(conversation.Stage, to, conversation.MeetingStartUtc, now);
        if (!check.Allowed) return check;
        Record(conversation, to, now, meetingStartBeforeUtc ?? conversation.MeetingStartUtc, isUndo: false);
        return check;
    }

    /// <summary>Keeps the change in the history and moves the conversation: a move or an undo alike.</summary>
    private void Record(Conversation conversation, ConversationStage to, DateTime now, DateTime? meetingStartBeforeUtc, bool isUndo)
    {
        db.StageChanges.Add(new StageChange
        {
            ConversationId = conversation.Id, From = conversation.Stage, To = to, AtUtc = now,
            MeetingStartBeforeUtc = meetingStartBeforeUtc, IsUndo = isUndo,
        });
        // A held conversation taken back (to scheduled, to be held again, or by an undo) has not ended; moving on to
        // thanked keeps its end.
        if (conversation.Stage == ConversationStage.Held && (to == ConversationStage.Scheduled || isUndo)) conversation.EndedAtUtc = null;
        conversation.Stage = to;
        conversation.StageChangedAtUtc = now;
        if (to == ConversationStage.Held) conversation.EndedAtUtc ??= now;
    }

    /// <summary>A move as <see cref="Move"/>; a held conversation taken back to scheduled (to be held again) also loses
    /// the follow-up tasks its holding made that are not done, as an undo would.</summary>
    public async Task<StageMove> MoveAsync(Conversation conversation, ConversationStage to)
    {
        var from = conversation.Stage;
        var held = from == ConversationStage.Held
            ? await db.StageChanges.AsNoTracking().Where(s => s.ConversationId == conversation.Id && s.To == ConversationStage.Held)
                .OrderByDescending(s => s.AtUtc).Select(s => (DateTime?)s.AtUtc).FirstOrDefaultAsync()
            : null;
        var move = Move(conversation, to);
        if (move.Allowed && from == ConversationStage.Held && to == ConversationStage.Scheduled && held is DateTime since)
            await ForgetTasksMadeSinceAsync(conversation, since);
        return move;
    }

    /// <summary>A move the person asks for by name (a stage button, a card dragged or moved on the board): any value
    /// outside the list is refused, and a conversation that took place puts its contact in touch on the meeting's day.
    /// The follow-up rules make their tasks after the handler, from the facts this saves.</summary>
    public async Task<StageMove> MoveByHandAsync(Conversation conversation, ConversationStage to)
    {
        if (!Enum.IsDefined(to)) return new StageMove(false, "Choose a stage from the list.");
        var move = await MoveAsync(conversation, to);
        if (move.Allowed && to == ConversationStage.Held && conversation.MeetingStartUtc is DateTime met)
        {
            // Meeting is being in touch: keeping in touch and "last in touch" count from it.
            var contact = await db.Contacts.FirstAsync(c => c.Id == conversation.ContactId);
            contact.MarkInTouch(DateOnly.FromDateTime(time.ToLocal(met)));
        }
        return move;
    }

    /// <summary>The first entry of a new conversation's history.</summary>
    public void Start(Conversation conversation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        conversation.StageChangedAtUtc = now;
        conversation.StageChanges.Add(new StageChange { From = null, To = conversation.Stage, AtUtc = now });
    }

    /// <summary>The latest change of the conversation when it can be undone, else null.</summary>
    public async Task<StageChange?> UndoableAsync(int conversationId)
    {
        var last = await db.StageChanges.AsNoTracking().Where(s => s.ConversationId == conversationId)
            .OrderByDescending(s => s.AtUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync();
        return last is not null && ConversationStages.Undoable(last.From, last.IsUndo) ? last : null;
    }

    /// <summary>Undoes the last move: the stage and meeting time before it come back, an undo is added to the history,
    /// and the follow-up tasks the move made that are not done go. They are removed, not dismissed, so their rule keys
    /// are free again for when the move happens for real; the rule pass that follows reads the restored facts and so
    /// does not make them again. Returns the stage it went back to, or null when there is nothing to undo.</summary>
    public async Task<ConversationStage?> UndoAsync(Conversation conversation)
    {
        var last = await UndoableAsync(conversation.Id);
        if (last?.From is not ConversationStage back) return null;
        Record(conversation, back, clock.GetUtcNow().UtcDateTime, conversation.MeetingStartUtc, isUndo: true);
        if (conversation.MeetingStartUtc != last.MeetingStartBeforeUtc)
        {
            conversation.MeetingStartUtc = last.MeetingStartBeforeUtc;
            conversation.CalendarSequence++;
        }
        await ForgetTasksMadeSinceAsync(conversation, last.AtUtc);
        return back;
    }

    /// <summary>Removes the rule tasks a move made that are not done: those of the kinds a stage makes, about this
    /// conversation or its contact, made since the move.</summary>
    private async Task ForgetTasksMadeSinceAsync(Conversation conversation, DateTime since)
    {
        var kinds = ConversationStages.TasksMadeByMoves;
        var made = await db.FollowUpTasks.Where(t => t.RuleKey != null && t.DoneAtUtc == null && t.CreatedAtUtc >= since
            && kinds.Contains(t.Kind) && (t.ConversationId == conversation.Id || t.ContactId == conversation.ContactId)).ToListAsync();
        db.FollowUpTasks.RemoveRange(made);
    }
}
