using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Conversations;

/// <summary>Every conversation by stage (the pipeline), and the meetings coming up.</summary>
public class IndexModel(RapportDb db, UserTime time) : PageModel
{
    public static readonly ConversationStage[] Pipeline =
    [
        ConversationStage.Idea, ConversationStage.Requested, ConversationStage.Scheduled, ConversationStage.Held,
        ConversationStage.Thanked, ConversationStage.Closed, ConversationStage.NoReply, ConversationStage.Declined, ConversationStage.Cancelled,
    ];

    public ILookup<ConversationStage, ConversationRow> ByStage { get; private set; } = Enumerable.Empty<ConversationRow>().ToLookup(r => r.Stage);
    public IReadOnlyList<ConversationRow> Upcoming { get; private set; } = [];
    public HashSet<int> Overlapping { get; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var rows = await db.Conversations.AsNoTracking().OrderByDescending(c => c.StageChangedAtUtc).Rows().Take(2_000).ToListAsync();
        Total = rows.Count;
        ByStage = rows.ToLookup(r => r.Stage);
        Upcoming = rows.Where(r => r.MeetingStartUtc is not null && r.MeetingStartUtc.Value.AddMinutes(r.DurationMinutes) >= time.UtcNow
                && r.Stage is ConversationStage.Scheduled or ConversationStage.Requested)
            .OrderBy(r => r.MeetingStartUtc).ToList();
        for (var i = 0; i < Upcoming.Count; i++)
        {
            for (var j = i + 1; j < Upcoming.Count && Upcoming[j].MeetingStartUtc < Upcoming[i].MeetingStartUtc!.Value.AddMinutes(Upcoming[i].DurationMinutes); j++)
            {
                Overlapping.Add(Upcoming[i].Id);
                Overlapping.Add(Upcoming[j].Id);
            }
        }
    }
}
