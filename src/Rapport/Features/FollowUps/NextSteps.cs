using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.FollowUps;

/// <summary>The next steps written in reflections, as the tasks they became: the open ones to act on
/// (in the same task list as every other task) and the done ones to see what came of them.</summary>
public sealed record NextSteps(IReadOnlyList<TaskRow> Open, IReadOnlyList<string> Done)
{
    public bool Any => Open.Count > 0 || Done.Count > 0;

    public static Task<NextSteps> OfConversationAsync(RapportDb db, int conversationId) =>
        ReadAsync(db.FollowUpTasks.Where(t => t.ConversationId == conversationId && t.Kind == TaskKind.NextStep), db);

    public static Task<NextSteps> OfFieldAsync(RapportDb db, int fieldId) =>
        // Driven from the field's conversations (an IN over the task's conversation index), so the work follows
        // the field, never the account's thousands of tasks.
        ReadAsync(db.FollowUpTasks.Where(t => t.Kind == TaskKind.NextStep
            && db.ConversationFields.Where(f => f.CareerFieldId == fieldId).Select(f => (int?)f.ConversationId).Contains(t.ConversationId)), db);

    private static async Task<NextSteps> ReadAsync(IQueryable<FollowUpTask> steps, RapportDb db)
    {
        // No ORDER BY in SQL: sorting by id would tempt the planner to walk every task in id order.
        var rows = await steps.AsNoTracking().Where(t => t.DismissedAtUtc == null)
            .Select(t => new
            {
                Row = new TaskRow(t.Id, t.Kind, t.Title, t.Notes,
                    t.SnoozedUntilUtc != null && t.SnoozedUntilUtc > t.DueUtc ? t.SnoozedUntilUtc.Value : t.DueUtc, t.AllDay, t.ContactId,
                    db.Contacts.Where(c => c.Id == t.ContactId).Select(c => Contact.FullNameOf(c.FirstName, c.LastName)).FirstOrDefault(),
                    t.ConversationId, t.Version),
                Done = t.DoneAtUtc != null,
            })
            .ToListAsync();
        rows.Sort((a, b) => a.Row.Id.CompareTo(b.Row.Id));
        return new NextSteps(rows.Where(r => !r.Done).Select(r => r.Row).ToList(), rows.Where(r => r.Done).Select(r => r.Row.Title).ToList());
    }
}
