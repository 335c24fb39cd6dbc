using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Today;

/// <summary>The home page: where the person stands today. Three queries whatever the size of the
/// network: the figures, the tasks, and the meetings ahead with the people added lately.</summary>
public class IndexModel(RapportDb db, Web.UserTime time) : PageModel
{
    /// <summary>Today lists this many of the overdue tasks and of the week's; Follow-ups has them all.</summary>
    private const int TasksShown = 20;

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
        // The week runs Monday to Sunday in the person's zone.
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekStart = TimeZoneInfo.ConvertTimeToUtc(monday.ToDateTime(TimeOnly.MinValue), time.Zone);
        var todayStart = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), time.Zone);
        var open = FollowUps.TaskGroups.Open(db);
        var figures = await db.Users.AsNoTracking().Where(u => u.Id == db.OwnerId).Select(u => new
        {
            u.WeeklyRequestGoal,
            Contacts = db.Contacts.Count(),
            Requested = db.Conversations.Count(c => c.Stage == ConversationStage.Requested),
            Scheduled = db.Conversations.Count(c => c.Stage == ConversationStage.Scheduled),
            Held = db.Conversations.Count(c => c.Stage == ConversationStage.Held),
            RequestsThisWeek = db.OutreachAttempts.Count(a => a.SentAtUtc >= weekStart
                && (a.Purpose == TemplatePurpose.Request || a.Purpose == TemplatePurpose.IntroductionRequest)),
            Overdue = open.Count(t => t.DueUtc < todayStart && (t.SnoozedUntilUtc == null || t.SnoozedUntilUtc < todayStart)),
        }).FirstAsync();
        (WeeklyGoal, ContactCount, RequestsThisWeek) = (figures.WeeklyRequestGoal, figures.Contacts, figures.RequestsThisWeek);
        Pipeline = new Dictionary<ConversationStage, int>
        {
            [ConversationStage.Requested] = figures.Requested,
            [ConversationStage.Scheduled] = figures.Scheduled,
            [ConversationStage.Held] = figures.Held,
        };

        Tasks = await FollowUps.TaskGroups.LoadAsync(db, time, overdueLimit: TasksShown, weekLimit: TasksShown, laterLimit: 0, overdueTotal: figures.Overdue);
        OutOfTouch = Tasks.Overdue.Concat(Tasks.Today).Where(t => t.Kind == TaskKind.KeepInTouch).ToList();

        var meetings = db.Conversations
            .Where(c => c.MeetingStartUtc != null && c.MeetingStartUtc > now.AddHours(-2) && c.MeetingStartUtc < now.AddDays(14)
                && (c.Stage == ConversationStage.Scheduled || c.Stage == ConversationStage.Requested))
            .OrderBy(c => c.MeetingStartUtc).Take(10)
            .Select(c => new Row
            {
                IsMeeting = true, Id = c.Id, Name = c.Contact!.FirstName + (c.Contact.LastName == null ? "" : " " + c.Contact.LastName),
                Organization = c.Organization == null ? "" : c.Organization.Name, At = c.MeetingStartUtc!.Value,
            });
        // Ids grow with every contact added, so the newest are read straight from the key, with no sort of the network.
        var recent = db.Contacts.OrderByDescending(c => c.Id).Take(5)
            .Select(c => new Row
            {
                IsMeeting = false, Id = c.Id, Name = c.FirstName + (c.LastName == null ? "" : " " + c.LastName),
                Organization = c.Organization == null ? "" : c.Organization.Name, At = c.CreatedAtUtc,
            });
        var rows = await meetings.Concat(recent).AsNoTracking().ToListAsync();
        Upcoming = rows.Where(r => r.IsMeeting).OrderBy(r => r.At).Select(r => new Meeting(r.Id, r.Name, NullIfEmpty(r.Organization), r.At)).ToList();
        Recent = rows.Where(r => !r.IsMeeting).OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Select(r => new RecentContact(r.Id, r.Name, NullIfEmpty(r.Organization), r.At)).ToList();
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

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
