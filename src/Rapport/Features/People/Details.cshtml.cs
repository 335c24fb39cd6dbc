using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Conversations;
using Rapport.Formats;

namespace Rapport.Features.People;

/// <summary>Everything about one person on one page: facts, who referred them and whom they referred,
/// and their timeline.</summary>
public class DetailsModel(RapportDb db, Web.UserTime time, FollowUps.WhoAnswers whoAnswers, FollowUps.FollowUpEngine followUps) : PageModel
{
    public ContactView Contact { get; private set; } = null!;
    public string NotesHtml { get; private set; } = "";
    public IReadOnlyList<PersonLink> Referred { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<ConversationRow> Conversations { get; private set; } = [];

    /// <summary>Open follow-ups about this person.</summary>
    public FollowUps.TaskGroups Tasks { get; private set; } = null!;

    /// <summary>How this person answers requests: quickly, later, or not at all (so the person learns who responds).</summary>
    public string? Responsiveness { get; private set; }

    /// <summary>A call, meeting or message logged by hand: it goes on the timeline and counts as being in touch.</summary>
    [BindProperty]
    public InteractionInput Log { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Log.On = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLogAsync(int id)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id);
        if (contact is null) return NotFound();
        var today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        if (Log.On > today) ModelState.AddModelError("Log.On", "Log what has happened: pick today or a day before.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }
        var on = Log.On!.Value;
        // A day without a time: today is now, an earlier day is its noon, so the order of the timeline holds.
        var at = on == today ? time.UtcNow : TimeZoneInfo.ConvertTimeToUtc(on.ToDateTime(new TimeOnly(12, 0)), time.Zone);
        var note = string.IsNullOrWhiteSpace(Log.Note) ? "" : ": " + Log.Note.Trim();
        db.ContactEvents.Add(new ContactEvent { ContactId = id, Kind = ContactEventKind.Interaction, OccurredAtUtc = at, Text = InteractionInput.Label(Log.Kind) + note });
        if (contact.LastContactedOn is null || contact.LastContactedOn < on) contact.LastContactedOn = on;
        await db.SaveChangesAsync();
        await followUps.SyncAsync();
        TempData["Status"] = "Logged. Keeping in touch now counts from " + on.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + ".";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new ContactView(
                c.Id, c.FirstName, c.LastName, c.Title, c.City, c.OrganizationId, c.Organization == null ? null : c.Organization.Name,
                c.LinkedInUrl, c.Source, c.AlumniOf, c.Priority, c.DoNotContact, c.Notes, c.ConnectedOn, c.LastContactedOn,
                c.ReferredBy == null ? null : new PersonLink(c.ReferredBy.Id, c.ReferredBy.FirstName + (c.ReferredBy.LastName == null ? "" : " " + c.ReferredBy.LastName)),
                c.Emails.OrderBy(e => e.Id).Select(e => new LabelledText(e.Label, e.Address)).ToList(),
                c.Phones.OrderBy(p => p.Id).Select(p => new LabelledText(p.Label, p.Number)).ToList(),
                c.Tags.OrderBy(t => t.NormalizedName).Select(t => t.Name).ToList(),
                c.Fields.Select(f => new PersonLink(f.CareerFieldId, f.CareerField!.Name)).ToList(),
                c.CreatedAtUtc, c.UpdatedAtUtc))
            .AsSplitQuery()
            .FirstOrDefaultAsync();
        if (contact is null) return false;
        Contact = contact;
        NotesHtml = SafeMarkdown.ToHtml(contact.Notes);
        Referred = await db.Contacts.AsNoTracking().Where(c => c.ReferredById == id).OrderBy(c => c.SearchKey)
            .Select(c => new PersonLink(c.Id, c.FirstName + (c.LastName == null ? "" : " " + c.LastName))).ToListAsync();
        Timeline = await ContactTimeline.LoadAsync(db, id);
        Tasks = await FollowUps.TaskGroups.LoadAsync(db, time, contactId: id);
        Responsiveness = (await whoAnswers.LoadAsync(id)).FirstOrDefault()?.Description;
        Conversations = await db.Conversations.AsNoTracking().Where(c => c.ContactId == id)
            .OrderByDescending(c => c.CreatedAtUtc).Rows().ToListAsync();
        return true;
    }

    public sealed record ContactView(
        int Id, string FirstName, string? LastName, string? Title, string? City, int? OrganizationId, string? OrganizationName,
        string? LinkedInUrl, ContactSource? Source, string? AlumniOf, Priority Priority, bool DoNotContact, string? Notes,
        DateOnly? ConnectedOn, DateOnly? LastContactedOn, PersonLink? ReferredBy,
        List<LabelledText> Emails, List<LabelledText> Phones, List<string> Tags, List<PersonLink> Fields,
        DateTime CreatedAtUtc, DateTime UpdatedAtUtc)
    {
        public string FullName => string.IsNullOrEmpty(LastName) ? FirstName : $"{FirstName} {LastName}";
    }

    public sealed record LabelledText(string? Label, string Text);
}

public sealed record PersonLink(int Id, string Name);
