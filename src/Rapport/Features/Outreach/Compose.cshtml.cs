using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Conversations;
using Rapport.Features.FollowUps;
using Rapport.Web;

namespace Rapport.Features.Outreach;

/// <summary>Writing to a contact: pick a template, see it filled, edit it, then open it in the mail app,
/// copy it, or say it went by another channel. Rapport never sends anything to a contact itself; what
/// the person sends is logged on the conversation and the contact's timeline.</summary>
public class ComposeModel(RapportDb db, UserManager<RapportUser> users, UserTime time, ConversationStageService stages, FollowUpEngine followUps, TimeProvider clock) : PageModel
{
    /// <summary>Longer mail links are cut off or refused by some mail apps and browsers.</summary>
    public const int MaxMailtoLength = 1_800;

    [BindProperty(SupportsGet = true)] public int? ConversationId { get; set; }
    [BindProperty(SupportsGet = true)] public int? ContactId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Template { get; set; }
    [BindProperty(SupportsGet = true)] public string? Availability { get; set; }
    [BindProperty(SupportsGet = true)] public int? PromiseId { get; set; }

    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public Channel Channel { get; set; } = Channel.Email;

    public MessageContext Context { get; private set; } = null!;
    public IReadOnlyList<TemplateChoice> Templates { get; private set; } = [];
    public TemplateChoice? Chosen { get; private set; }
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public IReadOnlyList<CheckResult> Checks { get; private set; } = [];
    public int LinkedInLimit { get; private set; } = BuiltInTemplates.LinkedInNoteLimit;
    public string? MailtoUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Chosen = Templates.FirstOrDefault(t => t.Key == Template) ?? TemplateChoices.Suggest(Templates, Context);
        if (Chosen is not null)
        {
            Template = Chosen.Key;
            Channel = Chosen.Channel is Channel.Introduction ? Channel.Email : Chosen.Channel;
            Subject = Chosen.Subject is null ? null : MessageTemplate.Render(Chosen.Subject, Context.Values, isSubject: true);
            Body = MessageTemplate.Render(Chosen.Body, Context.Values);
            Missing = MessageTemplate.MissingFields((Chosen.Subject ?? "") + "\n" + Chosen.Body, Context.Values);
        }
        Review();
        return Page();
    }

    /// <summary>The email check for the text as it stands (htmx calls this as the person types).</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Chosen = Templates.FirstOrDefault(t => t.Key == Template);
        Review();
        // htmx refreshes the check as the person types; a plain form post redraws the page with the
        // edited text, so the mail link carries what they wrote.
        return Request.IsHtmx() ? Partial("_EmailCheck", Checks) : Page();
    }

    public async Task<IActionResult> OnPostSentAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Chosen = Templates.FirstOrDefault(t => t.Key == Template);
        if (string.IsNullOrWhiteSpace(Body)) ModelState.AddModelError(nameof(Body), "The message is empty.");
        if (Body?.Length > OutreachAttempt.BodyMaxLength) ModelState.AddModelError(nameof(Body), $"Use at most {OutreachAttempt.BodyMaxLength:N0} characters.");
        if (Subject?.Length > OutreachAttempt.SubjectMaxLength) ModelState.AddModelError(nameof(Subject), $"Use at most {OutreachAttempt.SubjectMaxLength} characters.");
        if (!Enum.IsDefined(Channel)) ModelState.AddModelError(nameof(Channel), "Choose how you sent it.");
        if (Channel == Channel.LinkedIn && Body?.Length > LinkedInLimit)
            ModelState.AddModelError(nameof(Body), $"LinkedIn takes at most {LinkedInLimit} characters in an invitation note; this has {Body!.Length}.");
        if (!ModelState.IsValid)
        {
            Review();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var purpose = Chosen?.Purpose ?? TemplatePurpose.Request;
        db.OutreachAttempts.Add(new OutreachAttempt
        {
            ContactId = Context.ContactId, ConversationId = Context.ConversationId, Channel = Channel, Purpose = purpose,
            Subject = string.IsNullOrWhiteSpace(Subject) ? null : Subject.Trim(), Body = Body!, SentAtUtc = now,
        });
        var contact = await db.Contacts.FirstAsync(c => c.Id == Context.ContactId);
        contact.MarkInTouch(DateOnly.FromDateTime(time.ToLocal(now)));
        var status = $"Logged: {Labels.Of(Channel).ToLowerInvariant()} to {Context.ContactName}.";
        if (Context.ConversationId is int conversationId)
        {
            var conversation = await db.Conversations.FirstAsync(c => c.Id == conversationId);
            var to = (purpose, conversation.Stage) switch
            {
                (TemplatePurpose.Request or TemplatePurpose.IntroductionRequest, ConversationStage.Idea or ConversationStage.Cancelled) => ConversationStage.Requested,
                (TemplatePurpose.FollowUp, ConversationStage.NoReply) => ConversationStage.Requested,
                (TemplatePurpose.ThankYou, ConversationStage.Held) => ConversationStage.Thanked,
                _ => (ConversationStage?)null,
            };
            if (to is ConversationStage next && stages.Move(conversation, next).Allowed) status += $" The conversation is now {Labels.Of(next).ToLowerInvariant()}.";
        }
        await db.SaveChangesAsync();
        await followUps.CompleteForMessageAsync(Context.ContactId, Context.ConversationId, purpose, PromiseId);
        TempData["Status"] = status;
        return Context.ConversationId is int id ? RedirectToPage("/Conversations/Details", new { id }) : RedirectToPage("/People/Details", new { id = Context.ContactId });
    }

    private async Task<bool> LoadAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        LinkedInLimit = me.LinkedInNoteLimit;
        var context = await MessageContext.LoadAsync(db, me, time, ContactId, ConversationId, Availability, PromiseId);
        if (context is null) return false;
        Context = context;
        Templates = await TemplateChoices.AllAsync(db);
        return true;
    }

    private void Review()
    {
        Checks = EmailCheck.Review(Body, Context.Values["contact.first_name"]);
        if (Context.Email is not null && Body is not null)
        {
            var url = $"mailto:{Uri.EscapeDataString(Context.Email).Replace("%40", "@")}?subject={Uri.EscapeDataString(Subject ?? "")}&body={Uri.EscapeDataString(Body)}";
            MailtoUrl = url.Length <= MaxMailtoLength ? url : null;
        }
    }
}
