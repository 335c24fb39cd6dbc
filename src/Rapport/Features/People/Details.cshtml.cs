using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Formats;

namespace Rapport.Features.People;

/// <summary>Everything about one person on one page: facts, who referred them and whom they referred,
/// and their timeline.</summary>
public class DetailsModel(RapportDb db, Web.UserTime time) : PageModel
{
    public ContactView Contact { get; private set; } = null!;
    public string NotesHtml { get; private set; } = "";
    public IReadOnlyList<PersonLink> Referred { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<ContactConversation> Conversations { get; private set; } = [];

    /// <summary>Others Rapport knows at the same organization, to ask too.</summary>
    public IReadOnlyList<PersonLink> Colleagues { get; private set; } = [];

    /// <summary>Open follow-ups about this person.</summary>
    public FollowUps.TaskGroups Tasks { get; private set; } = null!;

    /// <summary>How this person answers requests: quickly, later, or not at all (so the person learns who responds).</summary>
    public string? Responsiveness { get; private set; }

    /// <summary>A call, meeting or message logged by hand: it goes on the timeline and counts as being in touch.</summary>
    [BindProperty]
    public InteractionInput Log { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        Log.On = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLogAsync([FromRoute] int id)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id);
        if (contact is null) return NotFound();
        var today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        if (Log.On > today) ModelState.AddModelError("Log.On", "Log what has happened: pick today or a day before.");
        else if (!YearRange.Holds(Log.On)) ModelState.AddModelError("Log.On", YearRange.Message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }
        var on = Log.On!.Value;
        // A day without a time: today is now, an earlier day is its noon, so the order of the timeline holds.
        var at = on == today ? time.UtcNow : TimeZones.ToUtc(on.ToDateTime(new TimeOnly(12, 0)), time.Zone);
        var note = string.IsNullOrWhiteSpace(Log.Note) ? "" : ": " + Log.Note.Trim();
        // An entry is added, never edited: when another save moved the contact's version meanwhile (a
        // log from another tab), it is added again on the contact as it now is, so no entry is lost.
        for (var attempt = 0; ; attempt++)
        {
            contact.LogInteraction(on, at, Labels.Of(Log.Kind) + note);
            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 20)
            {
                db.ChangeTracker.Clear();
                contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id);
                if (contact is null) return NotFound();
            }
        }
        TempData["Status"] = "Logged. Keeping in touch now counts from " + time.FormatDate(on) + ".";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var page = await ContactPage.LoadAsync(db, time, id);
        if (page is null) return false;
        Contact = page.Contact;
        NotesHtml = SafeMarkdown.ToHtml(page.Contact.Notes);
        Referred = page.Referred;
        Colleagues = page.Colleagues;
        Timeline = page.Timeline;
        Tasks = page.Tasks;
        Responsiveness = page.Answer?.Description;
        Conversations = page.Conversations;
        return true;
    }
}
