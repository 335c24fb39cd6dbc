using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Conversations;

/// <summary>One conversation on the board: who, where, in which field, what is next and since when nothing was said.
/// The next task is the earliest open one with this person, about this conversation or no other. Found from the person
/// (by the index of tasks by contact): a person has a few tasks, the account thousands. Set by member, not by
/// constructor: EF puts a set operation (the cards of every column in one command) together only from such projections.</summary>
public sealed record BoardCard
{
    public int Id { get; init; }
    public int Version { get; init; }
    public int ContactId { get; init; }
    public string Name { get; init; } = "";
    public bool HasPhoto { get; init; }
    public int? OrganizationId { get; init; }
    public string? Organization { get; init; }
    public string? Field { get; init; }
    public ConversationStage Stage { get; init; }
    public DateTime StageChangedAtUtc { get; init; }
    /// <summary>Read with the card; its title and day are read after, for every column at once.</summary>
    public int? NextTaskId { get; init; }
    public string? NextTask { get; init; }
    public DateTime? NextTaskDueUtc { get; init; }
    public DateTime? LastSentUtc { get; init; }
    public DateTime? LastReplyUtc { get; init; }
    public DateTime? MeetingStartUtc { get; init; }

    /// <summary>The last message either way: a request sent, or their answer.</summary>
    public DateTime? LastMessageUtc => LastSentUtc is null ? LastReplyUtc : LastReplyUtc is null ? LastSentUtc
        : LastSentUtc > LastReplyUtc ? LastSentUtc : LastReplyUtc;
}

/// <summary>One stage: its latest cards, and how many it holds, counted only as far as <see cref="CappedCount"/>.</summary>
public sealed record BoardColumn(ConversationStage Stage, IReadOnlyList<BoardCard> Cards, int Total)
{
    public bool HasMore => Total > Cards.Count;

    /// <summary>How many are not shown; null when the count stopped at its cap.</summary>
    public int? More => CappedCount.Beyond(Total, Cards.Count);
}

/// <summary>The pipeline board: a column per stage with its most recently moved conversations first. Its work does
/// not grow with the account (decision record 018): each stage is read in order from the index by owner, stage and
/// time of the move, and stops at <see cref="CappedCount.Read"/>; then the cards of every column by id, in one command.</summary>
public static class Board
{
    public const int CardsPerColumn = 50;

    /// <summary>In the order of the pipeline: the way forward first, then the side exits.</summary>
    public static readonly ConversationStage[] Stages =
    [
        ConversationStage.Idea, ConversationStage.Requested, ConversationStage.Scheduled, ConversationStage.Held,
        ConversationStage.Thanked, ConversationStage.Closed, ConversationStage.NoReply, ConversationStage.Declined, ConversationStage.Cancelled,
    ];

    // Set by member, not by constructor: EF puts a set operation together only from projections it can translate.
    private sealed class Placed
    {
        public int Id { get; init; }
        public ConversationStage Stage { get; init; }
    }

    public static async Task<IReadOnlyList<BoardColumn>> LoadAsync(RapportDb db, BoardFilter filter)
    {
        // One command for every stage: each part stops at the cap, so a stage of thousands costs what one of a hundred does.
        IQueryable<Placed>? placed = null;
        foreach (var stage in Stages)
        {
            var part = filter.Apply(db.Conversations.AsNoTracking().Where(c => c.Stage == stage))
                .OrderByDescending(c => c.StageChangedAtUtc).Take(CappedCount.Read).Select(c => new Placed { Id = c.Id, Stage = c.Stage });
            placed = placed is null ? part : placed.Concat(part);
        }
        var ids = await placed!.ToListAsync();
        var byStage = ids.GroupBy(p => p.Stage).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList());
        // Then the cards by id, in one command of a part per column that has any: fifty ids a part are looked up by
        // index on every database, where four hundred in one list would have PostgreSQL read whole tables of a mid-sized
        // account instead. One command, not one per column: each was a round trip and a reader of its own.
        IQueryable<BoardCard>? read = null;
        foreach (var stage in Stages)
        {
            if (byStage.GetValueOrDefault(stage) is not { } inStage) continue;
            var part = Cards(db, inStage.Take(CardsPerColumn).ToList());
            read = read is null ? part : read.Concat(part);
        }
        var cards = read is null ? [] : (await read.ToListAsync()).ToDictionary(c => c.Id);
        // The next tasks' titles and days in one command: read in the card query, each took a second lookup per card.
        var taskIds = cards.Values.Select(c => c.NextTaskId).OfType<int>().ToList();
        var tasks = taskIds.Count == 0 ? [] : await db.FollowUpTasks.IgnoreQueryFilters(RapportDb.TrashOnly).AsNoTracking()
            .Where(t => EF.Parameter(taskIds).Contains(t.Id)).Select(t => new { t.Id, t.Title, t.DueUtc }).ToDictionaryAsync(t => t.Id);
        var columns = new List<BoardColumn>(Stages.Length);
        foreach (var stage in Stages)
        {
            var inStage = byStage.GetValueOrDefault(stage) ?? [];
            var shown = inStage.Take(CardsPerColumn).Where(cards.ContainsKey).Select(id => WithNextTask(cards[id])).ToList();
            columns.Add(new BoardColumn(stage, shown, inStage.Count));
        }
        return columns;

        BoardCard WithNextTask(BoardCard card) => card.NextTaskId is int task && tasks.TryGetValue(task, out var next)
            ? card with { NextTask = next.Title, NextTaskDueUtc = next.DueUtc } : card;
    }

    // The cards' conversations and people are alive (checked here), so what hangs off them is read without the trash
    // filter's check of its parent: that check was a lookup of the same conversation or person per subquery and card.
    private static IQueryable<BoardCard> Cards(RapportDb db, List<int> ids) => db.Conversations.IgnoreQueryFilters(RapportDb.TrashOnly).AsNoTracking()
        .Where(c => EF.Parameter(ids).Contains(c.Id) && c.DeletedAtUtc == null && c.Contact!.DeletedAtUtc == null)
        // The organization and the photo are looked up per card, by key: joined, PostgreSQL hashed every organization
        // (and photo) of the account to find fifty, work that grew with the account.
        .Select(c => new BoardCard
        {
            Id = c.Id, Version = c.Version, ContactId = c.ContactId, Name = Contact.FullNameOf(c.Contact!.FirstName, c.Contact.LastName),
            HasPhoto = db.ContactPhotos.Any(p => p.ContactId == c.ContactId),
            OrganizationId = c.OrganizationId ?? c.Contact.OrganizationId,
            Organization = db.Organizations.Where(o => o.Id == (c.OrganizationId ?? c.Contact.OrganizationId)).Select(o => o.Name).FirstOrDefault(),
            Field = c.Fields.OrderBy(f => f.CareerField!.Name).Select(f => f.CareerField!.Name).FirstOrDefault()
                ?? c.Contact.Fields.OrderBy(f => f.CareerField!.Name).Select(f => f.CareerField!.Name).FirstOrDefault(),
            Stage = c.Stage, StageChangedAtUtc = c.StageChangedAtUtc,
            LastSentUtc = db.OutreachAttempts.Where(a => a.ContactId == c.ContactId).Max(a => (DateTime?)a.SentAtUtc),
            LastReplyUtc = db.Replies.Where(r => r.ContactId == c.ContactId && r.Kind != ReplyKind.NoReply).Max(r => (DateTime?)r.AtUtc),
            MeetingStartUtc = c.MeetingStartUtc,
            NextTaskId = db.FollowUpTasks.Where(t => t.ContactId == c.ContactId && (t.ConversationId == null || t.ConversationId == c.Id)
                    && t.DoneAtUtc == null && t.DismissedAtUtc == null)
                .OrderBy(t => t.DueUtc).ThenBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefault(),
        });
}
