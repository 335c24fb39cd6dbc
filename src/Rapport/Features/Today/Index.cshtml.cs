using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Today;

/// <summary>The home page: where the person stands today. Three queries whatever the size of the
/// network: the figures, the tasks, and the meetings ahead with the people added lately.</summary>
public class IndexModel(RapportDb db, Web.UserTime time, ContactCounts counts) : PageModel
{
    /// <summary>Today lists this many of the overdue tasks and of the week's, a day's worth to act on; Follow-ups has more.</summary>
    private const int TasksShown = 10;

    public int ContactCount { get; private set; }
    public IReadOnlyList<RecentContact> Recent { get; private set; } = [];
    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];
    public IReadOnlyDictionary<ConversationStage, int> Pipeline { get; private set; } = new Dictionary<ConversationStage, int>();
    public FollowUps.TaskGroups Tasks { get; private set; } = null!;
    public int RequestsThisWeek { get; private set; }
    public int WeeklyGoal { get; private set; }
    public IReadOnlyList<FollowUps.TaskRow> OutOfTouch { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = time.UtcNow;
        var today = DateOnly.FromDateTime(time.ToLocal(now));
        // The week runs Monday to Sunday in the person's zone, as the insights count it.
        var monday = WeeklyActivity.WeekOf(today);
        var weekStart = TimeZones.ToUtc(monday.ToDateTime(TimeOnly.MinValue), time.Zone);
        var todayStart = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue), time.Zone);
        var figures = await Figures(db, db.OwnerId!, weekStart, todayStart);
        (WeeklyGoal, RequestsThisWeek) = (figures.WeeklyRequestGoal, figures.RequestsThisWeek);
        ContactCount = await counts.GetAsync(db);
        Pipeline = new Dictionary<ConversationStage, int>
        {
            [ConversationStage.Requested] = figures.Requested,
            [ConversationStage.Scheduled] = figures.Scheduled,
            [ConversationStage.Held] = figures.Held,
        };

        Tasks = await FollowUps.TaskGroups.LoadAsync(db, time, overdueLimit: TasksShown, weekLimit: TasksShown, laterLimit: 0, overdueTotal: figures.Overdue);
        OutOfTouch = Tasks.Overdue.Concat(Tasks.Today).Where(t => t.Kind == TaskKind.KeepInTouch).ToList();

        var rows = new List<Row>();
        await foreach (var row in MeetingsAndNewcomers(db, now.AddHours(-2), now.AddDays(14))) rows.Add(row);
        Upcoming = rows.Where(r => r.IsMeeting).OrderBy(r => r.At).Select(r => new Meeting(r.Id, r.Name, NullIfEmpty(r.Organization), r.At)).ToList();
        Recent = rows.Where(r => !r.IsMeeting).OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Select(r => new RecentContact(r.Id, r.Name, NullIfEmpty(r.Organization), r.At)).ToList();
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private sealed record DayFigures(int WeeklyRequestGoal, int Requested, int Scheduled, int Held, int RequestsThisWeek, int Overdue);

    // Compiled once: the home page runs these on every view. The user is a parameter: in a compiled query a
    // value read from the context would be taken once, at compilation, and kept for everyone.
    private static readonly Func<RapportDb, string, DateTime, DateTime, Task<DayFigures>> Figures = EF.CompileAsyncQuery(
        (RapportDb db, string userId, DateTime weekStart, DateTime todayStart) => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new DayFigures(
            u.WeeklyRequestGoal,
            db.Conversations.Where(c => c.Stage == ConversationStage.Requested).Take(CappedCount.Read).Count(),
            db.Conversations.Where(c => c.Stage == ConversationStage.Scheduled).Take(CappedCount.Read).Count(),
            db.Conversations.Where(c => c.Stage == ConversationStage.Held).Take(CappedCount.Read).Count(),
            db.OutreachAttempts.Where(a => a.SentAtUtc >= weekStart && (a.Purpose == TemplatePurpose.Request || a.Purpose == TemplatePurpose.IntroductionRequest))
                .Take(CappedCount.Read).Count(),
            db.FollowUpTasks.Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null
                && t.DueUtc < todayStart && (t.SnoozedUntilUtc == null || t.SnoozedUntilUtc < todayStart)).Take(CappedCount.Read).Count()))
        .First());

    private static readonly Func<RapportDb, DateTime, DateTime, IAsyncEnumerable<Row>> MeetingsAndNewcomers = EF.CompileAsyncQuery(
        (RapportDb db, DateTime from, DateTime until) => db.Conversations.AsNoTracking()
            .Where(c => c.MeetingStartUtc != null && c.MeetingStartUtc > from && c.MeetingStartUtc < until
                && (c.Stage == ConversationStage.Scheduled || c.Stage == ConversationStage.Requested))
            .OrderBy(c => c.MeetingStartUtc).Take(10)
            .Select(c => new Row
            {
                IsMeeting = true, Id = c.Id, Name = Contact.FullNameOf(c.Contact!.FirstName, c.Contact.LastName),
                Organization = c.Organization == null ? "" : c.Organization.Name, At = c.MeetingStartUtc!.Value,
            })
            // Ids grow with every contact added, so the newest are read straight from the key, with no sort of the network.
            .Concat(db.Contacts.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).Take(5).Select(c => new Row
            {
                IsMeeting = false, Id = c.Id, Name = Contact.FullNameOf(c.FirstName, c.LastName),
                Organization = c.Organization == null ? "" : c.Organization.Name, At = c.CreatedAtUtc,
            })));

    // Set by initializers so EF can put a UNION over it; empty text rather than NULL literals (PostgreSQL).
    private sealed class Row
    {
        public bool IsMeeting { get; init; }
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string Organization { get; init; } = "";
        public DateTime At { get; init; }
    }

    public sealed record Meeting(int Id, string ContactName, string? OrganizationName, DateTime MeetingStartUtc);

    public sealed record RecentContact(int Id, string Name, string? Organization, DateTime CreatedAtUtc);
}
