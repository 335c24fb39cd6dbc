using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

public sealed record ConversationRow(int Id, int ContactId, string ContactName, string? OrganizationName, ConversationStage Stage,
    DateTime? MeetingStartUtc, int DurationMinutes, MeetingMode? Mode);

/// <summary>Reads about conversations several pages share.</summary>
public static class ConversationQueries
{
    private static readonly Expression<Func<Conversation, ConversationRow>> Row = c => new ConversationRow(
        c.Id, c.ContactId, Contact.FullNameOf(c.Contact!.FirstName, c.Contact.LastName),
        c.Organization == null ? null : c.Organization.Name, c.Stage, c.MeetingStartUtc, c.DurationMinutes, c.Mode);

    public static IQueryable<ConversationRow> Rows(this IQueryable<Conversation> conversations) => conversations.Select(Row);

    // Compiled once: a conversation's page asks it on every view of a meeting.
    private static readonly Func<RapportDb, int, DateTime, DateTime, IAsyncEnumerable<ConversationRow>> StartingBetween = EF.CompileAsyncQuery(
        (RapportDb db, int conversationId, DateTime after, DateTime before) => db.Conversations.AsNoTracking()
            .Where(c => c.Id != conversationId && c.MeetingStartUtc != null && c.MeetingStartUtc < before && c.MeetingStartUtc > after
                && c.Stage != ConversationStage.Cancelled && c.Stage != ConversationStage.Declined)
            .OrderBy(c => c.MeetingStartUtc).ThenBy(c => c.Id)
            .Select(Row));

    /// <summary>The person's other meetings that overlap this one, by their start and length.</summary>
    public static async Task<IReadOnlyList<ConversationRow>> OverlapsAsync(RapportDb db, int conversationId, DateTime startUtc, int minutes)
    {
        var overlaps = new List<ConversationRow>();
        // Only meetings that start in the longest meeting before this one ends can reach it; their ends are checked here.
        await foreach (var c in StartingBetween(db, conversationId, startUtc.AddMinutes(-Conversation.MaxMinutes), startUtc.AddMinutes(minutes)))
            if (c.MeetingStartUtc!.Value.AddMinutes(c.DurationMinutes) > startUtc) overlaps.Add(c);
        return overlaps;
    }
}
