using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Conversations;

namespace Rapport.Features.Today;

/// <summary>The home page: where the person stands today. Tasks and the conversation pipeline join
/// it as those sections are built; for now, the network so far.</summary>
public class IndexModel(RapportDb db, TimeProvider clock, Web.UserTime time, Microsoft.AspNetCore.Identity.UserManager<RapportUser> users) : PageModel
{
    public int ContactCount { get; private set; }

    public IReadOnlyList<RecentContact> Recent { get; private set; } = [];
    public IReadOnlyList<ConversationRow> Upcoming { get; private set; } = [];
    public IReadOnlyDictionary<ConversationStage, int> Pipeline { get; private set; } = new Dictionary<ConversationStage, int>();
    public FollowUps.TaskGroups Tasks { get; private set; } = null!;
    public int RequestsThisWeek { get; private set; }
    public int WeeklyGoal { get; private set; }
    public IReadOnlyList<FollowUps.TaskRow> OutOfTouch { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Tasks = await FollowUps.TaskGroups.LoadAsync(db, time, laterLimit: 0);
        // The week runs Monday to Sunday in the person's zone.
        var today = DateOnly.FromDateTime(time.ToLocal(now));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekStart = TimeZoneInfo.ConvertTimeToUtc(monday.ToDateTime(TimeOnly.MinValue), time.Zone);
        RequestsThisWeek = await db.OutreachAttempts.CountAsync(a => a.SentAtUtc >= weekStart
            && (a.Purpose == TemplatePurpose.Request || a.Purpose == TemplatePurpose.IntroductionRequest));
        WeeklyGoal = (await users.GetUserAsync(User))?.WeeklyRequestGoal ?? 3;
        OutOfTouch = Tasks.Overdue.Concat(Tasks.Today).Where(t => t.Kind == TaskKind.KeepInTouch).ToList();
        Upcoming = await db.Conversations.AsNoTracking()
            .Where(c => c.MeetingStartUtc != null && c.MeetingStartUtc > now.AddHours(-2) && c.MeetingStartUtc < now.AddDays(14)
                && (c.Stage == ConversationStage.Scheduled || c.Stage == ConversationStage.Requested))
            .OrderBy(c => c.MeetingStartUtc).Rows().Take(10).ToListAsync();
        Pipeline = await db.Conversations.AsNoTracking().GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        ContactCount = await db.Contacts.CountAsync();
        Recent = await db.Contacts.AsNoTracking()
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Take(5)
            .Select(c => new RecentContact(c.Id, c.FirstName + (c.LastName == null ? "" : " " + c.LastName), c.Organization == null ? null : c.Organization.Name, c.CreatedAtUtc))
            .ToListAsync();
    }

    public sealed record RecentContact(int Id, string Name, string? Organization, DateTime CreatedAtUtc);
}
