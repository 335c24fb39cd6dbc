using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

public sealed record ConversationRow(int Id, int ContactId, string ContactName, string? OrganizationName, ConversationStage Stage,
    DateTime? MeetingStartUtc, int DurationMinutes, MeetingMode? Mode);

/// <summary>Reads about conversations several pages share.</summary>
public static class ConversationQueries
{
    public static IQueryable<ConversationRow> Rows(this IQueryable<Conversation> conversations) => conversations.Select(c => new ConversationRow(
        c.Id, c.ContactId, Contact.FullNameOf(c.Contact!.FirstName, c.Contact.LastName),
        c.Organization == null ? null : c.Organization.Name, c.Stage, c.MeetingStartUtc, c.DurationMinutes, c.Mode));

    /// <summary>The person's other meetings that overlap this one, by their start and length.</summary>
    public static async Task<IReadOnlyList<ConversationRow>> OverlapsAsync(RapportDb db, int conversationId, DateTime startUtc, int minutes)
    {
        var end = startUtc.AddMinutes(minutes);
        var windowStart = startUtc.AddMinutes(-Conversation.MaxMinutes);
        var candidates = await db.Conversations.AsNoTracking()
            .Where(c => c.Id != conversationId && c.MeetingStartUtc != null && c.MeetingStartUtc < end && c.MeetingStartUtc > windowStart
                && c.Stage != ConversationStage.Cancelled && c.Stage != ConversationStage.Declined)
            .Rows().ToListAsync();
        return candidates.Where(c => c.MeetingStartUtc!.Value.AddMinutes(c.DurationMinutes) > startUtc).ToList();
    }
}
