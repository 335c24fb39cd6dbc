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
    /// <summary>What stayed with the person, typed for this message; the private note only when picked.</summary>
    [BindProperty(SupportsGet = true)] public string? Learned { get; set; }
    [BindProperty(SupportsGet = true)] public bool UseNote { get; set; }

    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public Channel Channel { get; set; } = Channel.Email;
    /// <summary>The person saw the unfilled fields and says the message went out as it is.</summary>
    [BindProperty] public bool SendAsItIs { get; set; }

    public MessageContext Context { get; private set; } = null!;
    public IReadOnlyList<TemplateChoice> Templates { get; private set; } = [];
    public TemplateChoice? Chosen { get; private set; }
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public IReadOnlyList<CheckResult> Checks { get; private set; } = [];
    public int LinkedInLimit { get; private set; } = BuiltInTemplates.LinkedInNoteLimit;
    public string? MailtoUrl { get; private set; }
    /// <summary>Set when "Mark as sent" met unfilled fields: the page asks before logging.</summary>
    public IReadOnlyList<string> Unconfirmed { get; private set; } = [];
    public TemplatePurpose Purpose => Chosen?.Purpose ?? TemplatePurpose.Request;
    /// <summary>A LinkedIn note, a call, a voicemail or a card has no subject line (no template chosen: an email).</summary>
    public bool HasSubject => Channels.HasSubject(Chosen?.Channel ?? Channel.Email);
    /// <summary>Only an email to the contact offers a mail link; a LinkedIn note or a call script does not.</summary>
    public bool OffersMailLink => Channels.MailsTheContact(Chosen?.Channel ?? Channel.Email);
    /// <summary>The fields typed for this message, asked only when the template uses them.</summary>
    public bool AsksAvailability => Uses("me.availability");
    public bool AsksLearned => Uses("conversation.learned");
    private int _thankYouHours = 48;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Chosen = Templates.FirstOrDefault(t => t.Key == Template) ?? TemplateChoices.Suggest(Templates, Context);
        if (Chosen is not null)
        {
            Template = Chosen.Key;
            Channel = Chosen.Channel is Channel.Introduction ? Channel.Email : Chosen.Channel;
            Subject = Chosen.Subject is null || !HasSubject ? null : MessageTemplate.Render(Chosen.Subject, Context.Values, isSubject: true);
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
        if (!HasSubject) Subject = null;
        // What is logged is what was sent, brackets and all; so the brackets are pointed out first.
        if (!SendAsItIs && UnfilledFields.In(Subject + "\n" + Body) is { Count: > 0 } unfilled)
        {
            Unconfirmed = unfilled;
            Review();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var purpose = Purpose;
        db.OutreachAttempts.Add(new OutreachAttempt
        {
            ContactId = Context.ContactId, ConversationId = Context.ConversationId, Channel = Channel, Purpose = purpose,
            Subject = string.IsNullOrWhiteSpace(Subject) ? null : Subject.Trim(), Body = Body!, SentAtUtc = now,
            TemplateKey = Chosen?.Key,
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
        _thankYouHours = me.ThankYouHours;
        var context = await MessageContext.LoadAsync(db, me, time, ContactId, ConversationId, Availability, PromiseId, Learned);
        if (context is null) return false;
        if (UseNote && context.LearnedNote is not null)
        {
            // The person picked their private note for this message: only now may it fill the field.
            Learned = context.LearnedNote;
            context = context with { Values = new Dictionary<string, string?>(context.Values, StringComparer.Ordinal) { ["conversation.learned"] = Learned } };
        }
        Context = context;
        Templates = await TemplateChoices.AllAsync(db);
        return true;
    }

    private void Review()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = Context.MeetingEndUtc is DateTime end ? ThankYouDeadline.Due(end, _thankYouHours) : (DateTime?)null;
        Checks = MessageChecks.Review(HasSubject ? Subject : null, Body,
            new MessageFacts(Purpose, Context.Values["contact.first_name"], now, due, _thankYouHours, Context.Values["promise.text"]));
        if (OffersMailLink && Context.Email is not null && Body is not null)
        {
            var subject = HasSubject ? Subject ?? "" : "";
            var url = $"mailto:{Uri.EscapeDataString(Context.Email).Replace("%40", "@")}?subject={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(Body)}";
            MailtoUrl = url.Length <= MaxMailtoLength ? url : null;
        }
    }

    private bool Uses(string field) =>
        Chosen is not null && MessageTemplate.FieldsUsed((Chosen.Subject ?? "") + "\n" + Chosen.Body).Contains(field);
}
