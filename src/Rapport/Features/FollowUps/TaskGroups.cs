using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.FollowUps;

public sealed record TaskRow(int Id, TaskKind Kind, string Title, string? Notes, DateTime ShowsAtUtc, bool AllDay, int? ContactId, string? ContactName, int? ConversationId, int Version)
{
    /// <summary>For a nudge: the organization and the people Rapport knows there to ask too.</summary>
    public SecondPeople? Others { get; init; }
}

public sealed record SecondPeople(int OrganizationId, string OrganizationName, IReadOnlyList<PersonLink> People);

/// <summary>Open tasks, grouped the way a day is planned: overdue, today, this week, later. Lists are
/// bounded (the latest overdue first, the nearest later ones), so a long search with thousands of old
/// tasks still opens at once; <see cref="OverdueTotal"/> says how many are overdue (up to <see cref="CappedCount"/>'s cap).</summary>
public sealed record TaskGroups(IReadOnlyList<TaskRow> Overdue, IReadOnlyList<TaskRow> Today, IReadOnlyList<TaskRow> ThisWeek, IReadOnlyList<TaskRow> Later,
    int OverdueTotal, bool MoreThisWeek, bool MoreLater)
{
    public int Count => Overdue.Count + Today.Count + ThisWeek.Count + Later.Count;

    /// <summary>The same groups with every row changed by <paramref name="change"/> (the contact page names
    /// the contact and their colleagues, which it has read already).</summary>
    public TaskGroups Map(Func<TaskRow, TaskRow> change) => this with
    {
        Overdue = Overdue.Select(change).ToList(), Today = Today.Select(change).ToList(),
        ThisWeek = ThisWeek.Select(change).ToList(), Later = Later.Select(change).ToList(),
    };

    // Set by initializers so EF can put a UNION over it; no NULL literals (PostgreSQL would type them as text).
    private sealed class Row
    {
        public int Id { get; init; }
        public TaskKind Kind { get; init; }
        public string Title { get; init; } = "";
        public string? Notes { get; init; }
        public int Version { get; init; }
        public DateTime ShowsAt { get; init; }
        public bool AllDay { get; init; }
        public int? ContactId { get; init; }
        public int? ConversationId { get; init; }
    }

    // FollowUpTask.ShowsAtUtc in a form SQL can run: a snoozed task shows when its snooze ends, never before its due time.
    private static readonly Expression<Func<FollowUpTask, Row>> ToRow = t => new Row
    {
        Id = t.Id, Kind = t.Kind, Title = t.Title, Notes = t.Notes, Version = t.Version,
        ShowsAt = t.SnoozedUntilUtc != null && t.SnoozedUntilUtc > t.DueUtc ? t.SnoozedUntilUtc.Value : t.DueUtc,
        AllDay = t.AllDay, ContactId = t.ContactId, ConversationId = t.ConversationId,
    };

    // Five parts, each read through an index in its order and stopped at its limit (ordering by the computed
    // "shows at" would read every open task first): due before today and not snoozed past it; due this week;
    // snoozed into this week; due later; snoozed until later. Compiled once: Today and Follow-ups run it on
    // every view, and preparing a query this size each time costs more than running it.
    private static readonly Func<RapportDb, DateTime, DateTime, int, int, int, IAsyncEnumerable<TaskRow>> OpenTasks = EF.CompileAsyncQuery(
        (RapportDb db, DateTime todayStart, DateTime weekEnd, int overdueTake, int weekTake, int laterTake) =>
            db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null
                    && t.DueUtc < todayStart && (t.SnoozedUntilUtc == null || t.SnoozedUntilUtc < todayStart))
                .OrderByDescending(t => t.DueUtc).ThenByDescending(t => t.Id).Take(overdueTake).Select(ToRow)
            .Concat(db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null
                    && t.DueUtc >= todayStart && t.DueUtc < weekEnd && (t.SnoozedUntilUtc == null || t.SnoozedUntilUtc < weekEnd))
                .OrderBy(t => t.DueUtc).ThenBy(t => t.Id).Take(weekTake).Select(ToRow))
            .Concat(db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null
                    && t.SnoozedUntilUtc >= todayStart && t.SnoozedUntilUtc < weekEnd && t.DueUtc < todayStart)
                .OrderBy(t => t.SnoozedUntilUtc).Take(weekTake).Select(ToRow))
            .Concat(db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null && t.DueUtc >= weekEnd)
                .OrderBy(t => t.DueUtc).ThenBy(t => t.Id).Take(laterTake).Select(ToRow))
            .Concat(db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null
                    && t.SnoozedUntilUtc >= weekEnd && t.DueUtc < weekEnd)
                .OrderBy(t => t.SnoozedUntilUtc).Take(laterTake).Select(ToRow))
            .Select(r => new TaskRow(r.Id, r.Kind, r.Title, r.Notes, r.ShowsAt, r.AllDay, r.ContactId,
                db.Contacts.Where(c => c.Id == r.ContactId).Select(c => Contact.FullNameOf(c.FirstName, c.LastName)).FirstOrDefault(),
                r.ConversationId, r.Version)));

    /// <param name="overdueLimit">How many overdue tasks to list, the most recently due first.</param>
    /// <param name="weekLimit">How many tasks of today and the coming week to list, the nearest first.</param>
    /// <param name="laterLimit">How many tasks after this week to list, the nearest first.</param>
    /// <param name="overdueTotal">The number of overdue tasks when the caller has counted them already; otherwise
    /// they are counted when there are more than listed, up to <see cref="CappedCount"/>'s cap.</param>
    /// <param name="contactId">Only the tasks about this contact (on their page); all when null.</param>
    /// <param name="nameColleagues">Look up the others to ask for each nudge (one more query when there are nudges).</param>
    public static async Task<TaskGroups> LoadAsync(RapportDb db, UserTime time, int overdueLimit = 50, int weekLimit = 100, int laterLimit = 50,
        int? overdueTotal = null, int? contactId = null, bool nameColleagues = true)
    {
        var today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        var todayStart = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue), time.Zone);
        var weekEnd = TimeZones.ToUtc(today.AddDays(8).ToDateTime(TimeOnly.MinValue), time.Zone);
        if (contactId is int one) return await OneContactAsync(db, one, time, todayStart, weekEnd, today, nameColleagues);
        var rows = new List<TaskRow>();
        await foreach (var row in OpenTasks(db, todayStart, weekEnd, overdueLimit, weekLimit + 1, laterLimit + 1)) rows.Add(row);
        if (nameColleagues && rows.Any(r => r.Kind == TaskKind.NudgeSecondPerson)) rows = await WithSecondPeopleAsync(db, rows);
        rows = [.. rows.OrderBy(r => r.ShowsAtUtc).ThenBy(r => r.Id)];
        bool IsToday(TaskRow t) => DateOnly.FromDateTime(time.ToLocal(t.ShowsAtUtc)) == today;
        // Each part's rows fall in one group by when they show, so the groups are told apart here.
        var overdueRows = rows.Where(r => r.ShowsAtUtc < todayStart).ToList();
        var weekRows = rows.Where(r => r.ShowsAtUtc >= todayStart && r.ShowsAtUtc < weekEnd).ToList();
        var moreThisWeek = weekRows.Count > weekLimit;
        weekRows = weekRows.Take(weekLimit).ToList();
        var laterRows = rows.Where(r => r.ShowsAtUtc >= weekEnd).ToList();
        var total = overdueTotal ?? (overdueRows.Count < overdueLimit ? overdueRows.Count
            : await Open(db).Where(t => t.DueUtc < todayStart && (t.SnoozedUntilUtc == null || t.SnoozedUntilUtc < todayStart)).Take(CappedCount.Read).CountAsync());
        return new TaskGroups(overdueRows, weekRows.Where(IsToday).ToList(), weekRows.Where(t => !IsToday(t)).ToList(),
            laterRows.Take(laterLimit).ToList(), total, moreThisWeek, laterRows.Count > laterLimit);
    }

    // Compiled once: the contact page runs it on every view.
    private static readonly Func<RapportDb, int, IAsyncEnumerable<TaskRow>> ContactTasks = EF.CompileAsyncQuery((RapportDb db, int contactId) =>
        db.FollowUpTasks.AsNoTracking().Where(t => t.ContactId == contactId && t.DoneAtUtc == null && t.DismissedAtUtc == null)
            .Select(ToRow).Select(r => new TaskRow(r.Id, r.Kind, r.Title, r.Notes, r.ShowsAt, r.AllDay, r.ContactId, null, r.ConversationId, r.Version)));

    /// <summary>One contact's open tasks are few: read them all through the contact's own index and group them here.</summary>
    private static async Task<TaskGroups> OneContactAsync(RapportDb db, int contactId, UserTime time, DateTime todayStart, DateTime weekEnd,
        DateOnly today, bool nameColleagues)
    {
        var rows = new List<TaskRow>();
        await foreach (var row in ContactTasks(db, contactId)) rows.Add(row);
        rows = [.. rows.OrderBy(r => r.ShowsAtUtc).ThenBy(r => r.Id)];
        if (nameColleagues) rows = await WithSecondPeopleAsync(db, rows);
        bool IsToday(TaskRow t) => DateOnly.FromDateTime(time.ToLocal(t.ShowsAtUtc)) == today;
        var overdue = rows.Where(r => r.ShowsAtUtc < todayStart).ToList();
        var week = rows.Where(r => r.ShowsAtUtc >= todayStart && r.ShowsAtUtc < weekEnd).ToList();
        return new TaskGroups(overdue, week.Where(IsToday).ToList(), week.Where(t => !IsToday(t)).ToList(),
            rows.Where(r => r.ShowsAtUtc >= weekEnd).ToList(), overdue.Count, false, false);
    }

    /// <summary>The person's open tasks (or one contact's).</summary>
    public static IQueryable<FollowUpTask> Open(RapportDb db, int? contactId = null)
    {
        var open = db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null);
        return contactId is int id ? open.Where(t => t.ContactId == id) : open;
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
        var byOrganization = new Dictionary<int, List<PersonLink>>();
        // One small query per organization with an open nudge: there are a handful, and each is capped.
        foreach (var organizationId in organizationOf.Values.Select(o => o.OrganizationId).Distinct())
        {
            byOrganization[organizationId] = await db.Contacts.AsNoTracking()
                .Where(c => c.OrganizationId == organizationId && !c.DoNotContact)
                .OrderBy(c => c.Priority).ThenBy(c => c.LastContactedOn != null).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
                .Select(c => new PersonLink(c.Id, Contact.FullNameOf(c.FirstName, c.LastName)))
                .Take(Shown + nudged.Count).ToListAsync();
        }
        return rows.Select(r => r.Kind == TaskKind.NudgeSecondPerson && r.ContactId is int id && organizationOf.TryGetValue(id, out var at)
            ? r with { Others = new SecondPeople(at.OrganizationId, at.Name, byOrganization[at.OrganizationId].Where(p => p.Id != id).Take(Shown).ToList()) }
            : r).ToList();
    }
}
