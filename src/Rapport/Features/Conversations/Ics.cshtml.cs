using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Formats.ICalendar;

namespace Rapport.Features.Conversations;

/// <summary>One meeting as an .ics file, with every detail: it goes to the person's own calendar.</summary>
public class IcsModel(RapportDb db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Contact).Include(c => c.Organization).Include(c => c.Questions)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id);
        if (conversation is null) return NotFound();
        var meeting = MeetingCalendar.ToEvent(conversation, conversation.Contact!.FullName, conversation.Organization?.Name, withDetails: true);
        if (meeting is null) return NotFound();
        var text = CalendarWriter.Write([meeting], clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", "informational-interview.ics");
    }
}
