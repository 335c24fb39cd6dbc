using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.FollowUps;

/// <summary>The next steps written in reflections, as the tasks they became: the open ones to act on
/// (in the same task list as every other task) and the done ones to see what came of them.</summary>
public sealed record NextSteps(IReadOnlyList<TaskRow> Open, IReadOnlyList<string> Done)
{
    // A field with years of conversations lists the newest steps; the rest are in Follow-ups.
    private const int Limit = 50;

    public bool Any => Open.Count > 0 || Done.Count > 0;

    public static Task<NextSteps> OfConversationAsync(RapportDb db, int conversationId) =>
        ReadAsync(db.FollowUpTasks.Where(t => t.ConversationId == conversationId && t.Kind == TaskKind.NextStep), db);

    public static Task<NextSteps> OfFieldAsync(RapportDb db, int fieldId) =>
        ReadAsync(db.FollowUpTasks.Where(t => t.Kind == TaskKind.NextStep
            && db.ConversationFields.Any(f => f.CareerFieldId == fieldId && f.ConversationId == t.ConversationId)), db);

    private static async Task<NextSteps> ReadAsync(IQueryable<FollowUpTask> steps, RapportDb db)
    {
        var rows = await steps.AsNoTracking().Where(t => t.DismissedAtUtc == null)
            .OrderByDescending(t => t.Id).Take(Limit)
            .Select(t => new
            {
                Row = new TaskRow(t.Id, t.Kind, t.Title, t.Notes,
                    t.SnoozedUntilUtc != null && t.SnoozedUntilUtc > t.DueUtc ? t.SnoozedUntilUtc.Value : t.DueUtc, t.AllDay, t.ContactId,
                    db.Contacts.Where(c => c.Id == t.ContactId).Select(c => Contact.FullNameOf(c.FirstName, c.LastName)).FirstOrDefault(),
                    t.ConversationId, t.Version),
                Done = t.DoneAtUtc != null,
            })
            .ToListAsync();
        rows.Reverse();
        return new NextSteps(rows.Where(r => !r.Done).Select(r => r.Row).ToList(), rows.Where(r => r.Done).Select(r => r.Row.Title).ToList());
    }
}
