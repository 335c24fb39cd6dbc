using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.FollowUps;

public sealed record TaskRow(int Id, TaskKind Kind, string Title, string? Notes, DateTime ShowsAtUtc, bool AllDay, int? ContactId, string? ContactName, int? ConversationId);

/// <summary>Open tasks, grouped the way a day is planned: overdue, today, this week, later.</summary>
public sealed record TaskGroups(IReadOnlyList<TaskRow> Overdue, IReadOnlyList<TaskRow> Today, IReadOnlyList<TaskRow> ThisWeek, IReadOnlyList<TaskRow> Later)
{
    public int Count => Overdue.Count + Today.Count + ThisWeek.Count + Later.Count;

    public static async Task<TaskGroups> LoadAsync(RapportDb db, UserTime time, int laterLimit = 50)
    {
        var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null)
            .Select(t => new
            {
                t.Id, t.Kind, t.Title, t.Notes, t.DueUtc, t.SnoozedUntilUtc, t.AllDay, t.ContactId, t.ConversationId,
                Contact = db.Contacts.Where(c => c.Id == t.ContactId).Select(c => c.FirstName + (c.LastName == null ? "" : " " + c.LastName)).FirstOrDefault(),
            })
            .ToListAsync();
        var rows = tasks.Select(t => new TaskRow(t.Id, t.Kind, t.Title, t.Notes,
                t.SnoozedUntilUtc is DateTime s && s > t.DueUtc ? s : t.DueUtc, t.AllDay, t.ContactId, t.Contact, t.ConversationId))
            .OrderBy(t => t.ShowsAtUtc).ThenBy(t => t.Id).ToList();
        var today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        DateOnly Day(TaskRow t) => DateOnly.FromDateTime(time.ToLocal(t.ShowsAtUtc));
        return new TaskGroups(
            rows.Where(t => Day(t) < today).ToList(),
            rows.Where(t => Day(t) == today).ToList(),
            rows.Where(t => Day(t) > today && Day(t) <= today.AddDays(7)).ToList(),
            rows.Where(t => Day(t) > today.AddDays(7)).Take(laterLimit).ToList());
    }
}
