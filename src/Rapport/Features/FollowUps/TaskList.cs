using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.FollowUps;

public sealed record TaskRow(int Id, TaskKind Kind, string Title, string? Notes, DateTime ShowsAtUtc, bool AllDay, int? ContactId, string? ContactName, int? ConversationId)
{
    /// <summary>For a nudge: the organization and the people Rapport knows there to ask too.</summary>
    public SecondPeople? Others { get; init; }
}

public sealed record SecondPeople(int OrganizationId, string OrganizationName, IReadOnlyList<People.PersonLink> People);

/// <summary>Open tasks, grouped the way a day is planned: overdue, today, this week, later.</summary>
public sealed record TaskGroups(IReadOnlyList<TaskRow> Overdue, IReadOnlyList<TaskRow> Today, IReadOnlyList<TaskRow> ThisWeek, IReadOnlyList<TaskRow> Later)
{
    public int Count => Overdue.Count + Today.Count + ThisWeek.Count + Later.Count;

    /// <summary>The same groups, with <paramref name="others"/> named on every nudge (the contact page already has them).</summary>
    public TaskGroups WithColleagues(SecondPeople others)
    {
        IReadOnlyList<TaskRow> Named(IReadOnlyList<TaskRow> rows) =>
            rows.Select(r => r.Kind == TaskKind.NudgeSecondPerson ? r with { Others = others } : r).ToList();
        return new TaskGroups(Named(Overdue), Named(Today), Named(ThisWeek), Named(Later));
    }

    /// <param name="contactId">Only the tasks about this contact (on their page); all when null.</param>
    /// <param name="nameColleagues">Look up the others to ask for each nudge (one more query when there are nudges).</param>
    public static async Task<TaskGroups> LoadAsync(RapportDb db, UserTime time, int laterLimit = 50, int? contactId = null, bool nameColleagues = true)
    {
        var open = db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null);
        if (contactId is int id) open = open.Where(t => t.ContactId == id);
        var tasks = await open
            .Select(t => new
            {
                t.Id, t.Kind, t.Title, t.Notes, t.DueUtc, t.SnoozedUntilUtc, t.AllDay, t.ContactId, t.ConversationId,
                Contact = db.Contacts.Where(c => c.Id == t.ContactId).Select(c => c.FirstName + (c.LastName == null ? "" : " " + c.LastName)).FirstOrDefault(),
            })
            .ToListAsync();
        var rows = tasks.Select(t => new TaskRow(t.Id, t.Kind, t.Title, t.Notes,
                t.SnoozedUntilUtc is DateTime s && s > t.DueUtc ? s : t.DueUtc, t.AllDay, t.ContactId, t.Contact, t.ConversationId))
            .OrderBy(t => t.ShowsAtUtc).ThenBy(t => t.Id).ToList();
        if (nameColleagues) rows = await WithSecondPeopleAsync(db, rows);
        var today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        DateOnly Day(TaskRow t) => DateOnly.FromDateTime(time.ToLocal(t.ShowsAtUtc));
        return new TaskGroups(
            rows.Where(t => Day(t) < today).ToList(),
            rows.Where(t => Day(t) == today).ToList(),
            rows.Where(t => Day(t) > today && Day(t) <= today.AddDays(7)).ToList(),
            rows.Where(t => Day(t) > today.AddDays(7)).Take(laterLimit).ToList());
    }

    /// <summary>Names, for each nudge, others at the same organization: high priority and not yet
    /// contacted first, never anyone marked "do not contact". Read when shown, so a contact added
    /// since the nudge was made appears in it.</summary>
    private static async Task<List<TaskRow>> WithSecondPeopleAsync(RapportDb db, List<TaskRow> rows)
    {
        const int Shown = 5;
        var nudged = rows.Where(r => r.Kind == TaskKind.NudgeSecondPerson && r.ContactId is not null).Select(r => r.ContactId!.Value).Distinct().ToList();
        if (nudged.Count == 0) return rows;
        var organizationOf = await db.Contacts.AsNoTracking().Where(c => nudged.Contains(c.Id) && c.OrganizationId != null)
            .Select(c => new { c.Id, OrganizationId = c.OrganizationId!.Value, c.Organization!.Name }).ToDictionaryAsync(c => c.Id);
        var byOrganization = new Dictionary<int, List<People.PersonLink>>();
        // One small query per organization with an open nudge: there are a handful, and each is capped.
        foreach (var organizationId in organizationOf.Values.Select(o => o.OrganizationId).Distinct())
        {
            byOrganization[organizationId] = await db.Contacts.AsNoTracking()
                .Where(c => c.OrganizationId == organizationId && !c.DoNotContact)
                .OrderBy(c => c.Priority).ThenBy(c => c.LastContactedOn != null).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
                .Select(c => new People.PersonLink(c.Id, c.FirstName + (c.LastName == null ? "" : " " + c.LastName)))
                .Take(Shown + nudged.Count).ToListAsync();
        }
        return rows.Select(r => r.Kind == TaskKind.NudgeSecondPerson && r.ContactId is int id && organizationOf.TryGetValue(id, out var at)
            ? r with { Others = new SecondPeople(at.OrganizationId, at.Name, byOrganization[at.OrganizationId].Where(p => p.Id != id).Take(Shown).ToList()) }
            : r).ToList();
    }
}
