using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.People;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.Conversations;

/// <summary>Plans a conversation: with whom, what the person wants from it, and about which fields.
/// Rapport then proposes a question list for those goals.</summary>
public class CreateModel(RapportDb db, ConversationStageService stages, QuestionPlanner planner, UserTime time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ContactId { get; set; }

    [BindProperty]
    [StringLength(Contact.NameMaxLength * 2, ErrorMessage = "Use at most {1} characters.")]
    public string? ContactName { get; set; }

    [BindProperty]
    public List<ConversationGoal> Goals { get; set; } = [];

    [BindProperty]
    [StringLength(1_000, ErrorMessage = "Use at most {1} characters.")]
    public string? OwnGoals { get; set; }

    [BindProperty]
    public List<int> FieldIds { get; set; } = [];

    [BindProperty]
    public int? OrganizationId { get; set; }

    public string? ContactLabel { get; private set; }
    public IReadOnlyList<Choice> Fields { get; private set; } = [];
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (ContactId is int id)
        {
            var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.FirstName, c.LastName, c.OrganizationId, Fields = c.Fields.Select(f => f.CareerFieldId).ToList() })
                .FirstOrDefaultAsync();
            if (contact is null) return NotFound();
            ContactLabel = Contact.FullNameOf(contact.FirstName, contact.LastName);
            FieldIds = contact.Fields;
            OrganizationId = contact.OrganizationId;
        }
        Goals = [ConversationGoal.DecideFit];
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = ContactId is int id
            ? await db.Contacts.Include(c => c.Fields).FirstOrDefaultAsync(c => c.Id == id)
            : await FindByNameAsync();
        if (ContactId is not null && contact is null) return NotFound();
        var goals = Goals.Where(g => QuestionBank.Goals.Contains(g)).Aggregate(ConversationGoal.None, (all, g) => all | g);
        if (goals == ConversationGoal.None && string.IsNullOrWhiteSpace(OwnGoals))
            ModelState.AddModelError(nameof(Goals), "Choose at least one goal, or write your own.");
        var fieldIds = FieldIds.Distinct().ToList();
        if (fieldIds.Count > 0 && await db.CareerFields.CountAsync(f => fieldIds.Contains(f.Id)) != fieldIds.Count)
            ModelState.AddModelError(nameof(FieldIds), "Choose career fields from the list.");
        if (OrganizationId is int org && !await db.Organizations.AnyAsync(o => o.Id == org))
            ModelState.AddModelError(nameof(OrganizationId), "Choose an organization from the list.");
        if (!ModelState.IsValid || contact is null)
        {
            ContactLabel = contact?.FullName;
            await LoadChoicesAsync();
            return Page();
        }

        var conversation = new Conversation
        {
            ContactId = contact.Id,
            OrganizationId = OrganizationId,
            Goals = goals,
            OwnGoals = string.IsNullOrWhiteSpace(OwnGoals) ? null : OwnGoals.Trim(),
            TimeZoneId = time.Zone.Id,
        };
        conversation.Fields.AddRange(fieldIds.Select(f => new ConversationField { CareerFieldId = f }));
        stages.Start(conversation);
        await planner.ProposeAsync(conversation);
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        TempData["Status"] = $"A conversation with {contact.FullName} is planned, with {Plural.Of(conversation.Questions.Count, "question")} proposed for your goals.";
        return RedirectToPage("/Conversations/Prepare", new { id = conversation.Id });
    }

    private async Task<Contact?> FindByNameAsync()
    {
        if (string.IsNullOrWhiteSpace(ContactName))
        {
            ModelState.AddModelError(nameof(ContactName), "Choose who you want to talk to.");
            return null;
        }
        var parsed = NameWithOrganization.Parse(ContactName);
        var name = parsed.Name;
        var matches = await db.Contacts.Include(c => c.Fields).Named(parsed).Take(2).ToListAsync();
        if (matches.Count == 1) return matches[0];
        ModelState.AddModelError(nameof(ContactName), matches.Count == 0
            ? $"No contact is named “{ContactName.Trim()}”. Add them in People first."
            : $"Several contacts are named “{name}”. Add their organization in brackets, like “{name} (Acme)”.");
        return null;
    }

    private async Task LoadChoicesAsync()
    {
        Fields = await db.CareerFields.AsNoTracking().OrderBy(f => f.NormalizedName).Select(f => new Choice(f.Id, f.Name)).ToListAsync();
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.NormalizedName).Take(1000).Select(o => new Choice(o.Id, o.Name)).ToListAsync();
    }
}
