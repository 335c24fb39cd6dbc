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
public class DetailsModel(RapportDb db, FollowUps.WhoAnswers whoAnswers) : PageModel
{
    public ContactView Contact { get; private set; } = null!;
    public string NotesHtml { get; private set; } = "";
    public IReadOnlyList<PersonLink> Referred { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<ConversationRow> Conversations { get; private set; } = [];

    /// <summary>How this person answers requests: quickly, later, or not at all (so the person learns who responds).</summary>
    public string? Responsiveness { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
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
        if (contact is null) return NotFound();
        Contact = contact;
        NotesHtml = SafeMarkdown.ToHtml(contact.Notes);
        Referred = await db.Contacts.AsNoTracking().Where(c => c.ReferredById == id).OrderBy(c => c.SearchKey)
            .Select(c => new PersonLink(c.Id, c.FirstName + (c.LastName == null ? "" : " " + c.LastName))).ToListAsync();
        var events = await db.ContactEvents.AsNoTracking().Where(e => e.ContactId == id)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new TimelineEntry(e.OccurredAtUtc, e.Kind.ToString(), e.Text)).Take(200).ToListAsync();
        // Conversations join the timeline: each change of stage, with its time.
        var stages = await db.StageChanges.AsNoTracking().Where(s => db.Conversations.Any(c => c.Id == s.ConversationId && c.ContactId == id))
            .OrderByDescending(s => s.AtUtc).Take(200).Select(s => new { s.AtUtc, s.From, s.To }).ToListAsync();
        Timeline = events.Concat(stages.Select(s => new TimelineEntry(s.AtUtc, "Conversation", s.From is null
                ? $"Conversation planned ({ConversationStages.Label(s.To).ToLowerInvariant()})"
                : $"Conversation {ConversationStages.Label(s.From.Value).ToLowerInvariant()} → {ConversationStages.Label(s.To).ToLowerInvariant()}")))
            .OrderByDescending(e => e.AtUtc).ToList();
        var messages = await db.OutreachAttempts.AsNoTracking().Where(a => a.ContactId == id)
            .Select(a => new { a.SentAtUtc, a.Channel, a.Purpose, a.Body }).ToListAsync();
        var replies = await db.Replies.AsNoTracking().Where(r => r.ContactId == id).Select(r => new { r.AtUtc, r.Kind }).ToListAsync();
        Timeline = Timeline
            .Concat(messages.Select(m => new TimelineEntry(m.SentAtUtc, "Message", $"{Outreach.TemplateChoices.Label(m.Purpose)} sent ({Outreach.TemplateChoices.Label(m.Channel).ToLowerInvariant()})")))
            .Concat(replies.Select(r => new TimelineEntry(r.AtUtc, "Reply", r.Kind switch { ReplyKind.Accepted => "They said yes", ReplyKind.Declined => "They declined", _ => "No reply" })))
            .OrderByDescending(e => e.AtUtc).ToList();
        Responsiveness = (await whoAnswers.LoadAsync(id)).FirstOrDefault()?.Description;
        Conversations = await db.Conversations.AsNoTracking().Where(c => c.ContactId == id)
            .OrderByDescending(c => c.CreatedAtUtc).Rows().ToListAsync();
        return Page();
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

    public sealed record TimelineEntry(DateTime AtUtc, string Kind, string Text);
}

public sealed record PersonLink(int Id, string Name);
