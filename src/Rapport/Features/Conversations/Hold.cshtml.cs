using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.Conversations;

/// <summary>Conversation mode, made for a phone held during the meeting: the questions in order with a
/// note box each, a free note box, a timer against the agreed length, and quick capture of referrals
/// and promises. Notes save as they are typed (site.js keeps them on the phone while offline).</summary>
public class HoldModel(RapportDb db, ConversationStageService stages, TimeProvider clock, Web.UserTime time) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public ConversationMode.Facts Meeting { get; private set; } = null!;
    public string ContactName => Meeting.ContactName;

    /// <summary>The question list in order, with the notes taken on each.</summary>
    public IReadOnlyList<ConversationMode.Question> Questions { get; private set; } = [];
    public IReadOnlyList<ConversationMode.Referred> Referrals { get; private set; } = [];
    public IReadOnlyList<string> Promises { get; private set; } = [];

    /// <summary>An autosave carries the conversation's version and the fingerprint of the box as the
    /// page (or its last save) showed it; see docs/decisions/011-edit-conflicts.md.</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    /// <summary>The fingerprint of one box's text, as autosave sends it back.</summary>
    public static string BoxFingerprint(string? text) => ChangesSinceOpened.Fingerprint([new("", text)]);

    public static string? AgainText(bool? again) => again switch { true => "true", false => "false", _ => null };

    /// <summary>The timer as of this view.</summary>
    public MeetingTimer Timer => Meeting.Timer(clock.GetUtcNow().UtcDateTime);

    /// <summary>Set when End was pressed before the planned start: the page asks first, saying when it was planned.</summary>
    public DateTime? EndingBeforeUtc { get; private set; }

    /// <summary>How far off the planned start is, for the timer and the question before ending early.</summary>
    public string? StartsIn(DateTime startUtc) => TimeUntil.Words(clock.GetUtcNow().UtcDateTime, startUtc, time.Zone);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync()
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        conversation.StartedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return RedirectToPage(new { id = Id });
    }

    /// <summary>Autosave of one box: "q:&lt;question id&gt;", "free", or "again" (true/false/empty). A box
    /// changed elsewhere since this page last saw it is not overwritten: the answer is 409 with a notice
    /// naming what it now says, and the version to send to keep the person's text over it.</summary>
    public async Task<IActionResult> OnPostNoteAsync(string? target, string? text)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        if (text?.Length > Conversation.NotesMaxLength) return BadRequest($"A note can hold at most {Conversation.NotesMaxLength:N0} characters.");
        ConversationQuestion? question = null;
        string label;
        string? stored;
        switch (target)
        {
            case "free":
                (label, stored) = ("Your notes", conversation.FreeNotes);
                break;
            case "again":
                (label, stored) = ("May you get in touch again", AgainText(conversation.MayContactAgain));
                break;
            case { } t when t.StartsWith("q:", StringComparison.Ordinal) && int.TryParse(t.AsSpan(2), out var questionId):
                question = await db.ConversationQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.ConversationId == Id);
                if (question is null) return NotFound();
                (label, stored) = ("The note on “" + question.Text + "”", question.Notes);
                break;
            default:
                return NotFound();
        }
        // A box sent back as it was keeps its stored text exactly (FieldEdit).
        var value = target == "again" ? (string.IsNullOrWhiteSpace(text) ? null : text) : FieldEdit.Text(stored, text);
        // A save from a page older than versions carries none and is taken as before.
        var over = Opened.Fields is null ? conversation.Version : Opened.WritableOver(conversation, [new(label, stored)]);
        if (over is int writable)
        {
            if (target == "free") conversation.FreeNotes = value;
            else if (target == "again") conversation.MayContactAgain = value is null ? null : value == "true";
            else question!.Notes = value;
            conversation.StartedAtUtc ??= clock.GetUtcNow().UtcDateTime;
            // The notes belong to the conversation: its version moves with each of them.
            if (await db.SaveAsOpenedAsync(conversation, writable))
            {
                Response.Headers["X-Version"] = conversation.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Response.Headers["X-Opened"] = BoxFingerprint(value);
                return new NoContentResult();
            }
            return await OnPostNoteAsync(target, text);
        }
        var notice = EditState.Refused(Opened, conversation, [new(label, stored)], [new(label, value)]);
        Response.Headers["X-Version"] = notice.Opened.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers["X-Opened"] = notice.Opened.Fields;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Partial("_NoteConflict", (Target: target, Conflict: notice.Conflict!));
    }

    /// <summary>The plain-form save of every box at once (the page works without JavaScript).</summary>
    public async Task<IActionResult> OnPostSaveAllAsync(Dictionary<int, string?>? notes, string? freeNotes, string? again)
    {
        notes ??= []; // a conversation without questions sends no note boxes
        var conversation = await db.Conversations.Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        if (notes.Values.Any(n => n?.Length > Conversation.NotesMaxLength) || freeNotes?.Length > Conversation.NotesMaxLength)
        {
            TempData["Status"] = $"A note can hold at most {Conversation.NotesMaxLength:N0} characters.";
            return RedirectToPage(new { id = Id });
        }
        foreach (var question in conversation.Questions)
        {
            // A box sent back as it was keeps its stored text exactly (FieldEdit).
            if (notes.TryGetValue(question.Id, out var note)) question.Notes = FieldEdit.Text(question.Notes, note);
        }
        conversation.FreeNotes = FieldEdit.Text(conversation.FreeNotes, freeNotes);
        conversation.MayContactAgain = again switch { "true" => true, "false" => false, _ => conversation.MayContactAgain };
        conversation.StartedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Status"] = "Your notes are saved.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReferralAsync(string? firstName, string? lastName, string? organization, NameUse mayUseName)
    {
        var conversation = await db.Conversations.Include(c => c.Contact).FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        firstName = firstName?.Trim();
        if (string.IsNullOrEmpty(firstName) || firstName.Length > Contact.NameMaxLength || lastName?.Trim().Length > Contact.NameMaxLength
            || organization?.Trim().Length > Organization.NameMaxLength || !Enum.IsDefined(mayUseName))
        {
            TempData["Status"] = "Give the referral's first name (at most 200 characters) to add them.";
            return RedirectToPage(null, null, new { id = Id }, "referrals");
        }
        var contact = await ReferralContactAsync(conversation, firstName, lastName?.Trim(), organization?.Trim());
        db.Referrals.Add(new Referral { ConversationId = Id, Contact = contact, MayUseName = mayUseName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        TempData["Status"] = $"{contact.FullName} is added, referred by {conversation.Contact!.FullName}.";
        return RedirectToPage(null, null, new { id = Id }, "referrals");
    }

    public async Task<IActionResult> OnPostPromiseAsync(string? text)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == Id)) return NotFound();
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Promise.TextMaxLength)
        {
            TempData["Status"] = $"Write what you promised (at most {Promise.TextMaxLength} characters).";
            return RedirectToPage(null, null, new { id = Id }, "promises");
        }
        db.Promises.Add(new Promise { ConversationId = Id, Text = text, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        TempData["Status"] = "The promise is noted.";
        return RedirectToPage(null, null, new { id = Id }, "promises");
    }

    /// <summary>Ends the meeting: it is now held. A meeting that started earlier than planned, or was
    /// never scheduled, takes the time it really started. Before the planned start it asks first (a step of its
    /// own, so it asks without JavaScript too); the move can be undone from the conversation page.</summary>
    public async Task<IActionResult> OnPostEndAsync(bool confirmed)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!confirmed && conversation.MeetingStartUtc > now && conversation.Stage != ConversationStage.Held)
        {
            EndingBeforeUtc = conversation.MeetingStartUtc;
            return await LoadAsync() ? Page() : NotFound();
        }
        var plannedStart = conversation.MeetingStartUtc;
        conversation.StartedAtUtc ??= now;
        if (conversation.MeetingStartUtc is null || conversation.MeetingStartUtc > now)
        {
            conversation.MeetingStartUtc = conversation.StartedAtUtc <= now ? conversation.StartedAtUtc : now;
            conversation.CalendarSequence++;
        }
        conversation.EndedAtUtc = now;
        if (conversation.Stage != ConversationStage.Held)
        {
            if (conversation.Stage is ConversationStage.Idea or ConversationStage.Requested or ConversationStage.NoReply)
                stages.Move(conversation, ConversationStage.Scheduled, plannedStart);
            var move = stages.Move(conversation, ConversationStage.Held, plannedStart);
            if (!move.Allowed)
            {
                await db.SaveChangesAsync();
                TempData["Status"] = move.Reason;
                return RedirectToPage("/Conversations/Details", new { id = Id });
            }
        }
        var contact = await db.Contacts.FirstAsync(c => c.Id == conversation.ContactId);
        contact.MarkInTouch(DateOnly.FromDateTime(time.ToLocal(now)));
        await db.SaveChangesAsync();
        TempData["Status"] = "The conversation is held. Write down what you learned while it is fresh.";
        return RedirectToPage("/Conversations/Reflect", new { id = Id });
    }

    /// <summary>An existing contact with that name (and organization), or a new one referred by this contact.</summary>
    private async Task<Contact> ReferralContactAsync(Conversation conversation, string firstName, string? lastName, string? organization)
    {
        var typed = new NameWithOrganization(Contact.FullNameOf(firstName, lastName), string.IsNullOrEmpty(organization) ? null : organization);
        // The referred person knows the field the conversation was about: their messages name it.
        var fields = await db.ConversationFields.Where(f => f.ConversationId == conversation.Id).Select(f => f.CareerFieldId).ToListAsync();
        var existing = await db.Contacts.Include(c => c.Tags).Include(c => c.Emails).Include(c => c.Organization).Include(c => c.Fields).Named(typed).FirstOrDefaultAsync();
        if (existing is not null)
        {
            if (existing.ReferredById is null && existing.Id != conversation.ContactId) existing.ReferredById = conversation.ContactId;
            if (existing.Fields.Count == 0 && existing.Id != conversation.ContactId)
                existing.Fields.AddRange(fields.Select(id => new ContactField { CareerFieldId = id }));
            return existing;
        }
        var contact = new Contact
        {
            FirstName = firstName,
            LastName = string.IsNullOrEmpty(lastName) ? null : lastName,
            Source = ContactSource.Referral,
            ReferredById = conversation.ContactId,
            Fields = fields.Select(id => new ContactField { CareerFieldId = id }).ToList(),
        };
        if (typed.Organization is not null) contact.Organization = await new OrganizationsByName(db).FindOrAddAsync(organization);
        contact.Events.Add(new ContactEvent
        {
            Kind = ContactEventKind.Added,
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            Text = Folding.Truncate($"Referred by {conversation.Contact!.FullName} in a conversation", ContactEvent.TextMaxLength),
        });
        contact.RefreshSearch(contact.Organization?.Name);
        db.Contacts.Add(contact);
        return contact;
    }

    private async Task<bool> LoadAsync()
    {
        var mode = await ConversationMode.LoadAsync(db, Id);
        if (mode is null) return false;
        (Meeting, Questions, Referrals, Promises) = (mode.Conversation, mode.Questions, mode.Referrals, mode.Promises);
        return true;
    }
}
