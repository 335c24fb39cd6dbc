using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Conversations;

/// <summary>Every conversation as a list by stage, and the meetings coming up with those that overlap marked; one stage
/// alone is where a board column's "more" leads. Narrowed as the board is, so its filters carry over.</summary>
public class ListModel(RapportDb db, UserTime time) : PageModel
{
    private const int Shown = 2_000;

    [BindProperty(SupportsGet = true)]
    public ConversationStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    public BoardFilter Filter => new(Field, Org, Tag);

    public ILookup<ConversationStage, ConversationRow> ByStage { get; private set; } = Enumerable.Empty<ConversationRow>().ToLookup(r => r.Stage);
    public IReadOnlyList<ConversationRow> Upcoming { get; private set; } = [];
    public HashSet<int> Overlapping { get; } = [];
    public int Total { get; private set; }
    public bool Cut { get; private set; }

    public async Task OnGetAsync()
    {
        if (Stage is ConversationStage s && !Enum.IsDefined(s)) Stage = null;
        var conversations = Filter.Apply(db.Conversations.AsNoTracking());
        if (Stage is ConversationStage only) conversations = conversations.Where(c => c.Stage == only);
        var rows = await conversations.OrderByDescending(c => c.StageChangedAtUtc).Rows().Take(Shown + 1).ToListAsync();
        Cut = rows.Count > Shown;
        if (Cut) rows.RemoveAt(Shown);
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
