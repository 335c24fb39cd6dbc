using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Outreach;

/// <summary>The values a message's merge fields are filled with, for one contact and, if there is one,
/// one conversation. Only the allowlisted fields exist: nothing else of the person or the contact can
/// reach a template. The private note of what was learned is not one of the values: it reaches a
/// message only as typed, or picked, for that message.</summary>
public sealed record MessageContext(int ContactId, int? ConversationId, string ContactName, string? Email, ConversationStage? Stage,
    bool HasReferrer, bool IsAlumni, IReadOnlyDictionary<string, string?> Values, string? LearnedNote, DateTime? MeetingEndUtc)
{
    public static async Task<MessageContext?> LoadAsync(RapportDb db, RapportUser me, UserTime time, int? contactId, int? conversationId,
        string? availability, int? promiseId, string? learned = null)
    {
        Conversation? conversation = null;
        if (conversationId is int cid)
        {
            conversation = await db.Conversations.AsNoTracking().Include(c => c.Fields).ThenInclude(f => f.CareerField)
                .Include(c => c.Organization).Include(c => c.Promises).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == cid);
            // A contact named beside the conversation (a referral's "Write it" names the referred person)
            // must be one's own, and a promise must be the conversation's: anything else is not found.
            if (conversation is null || (contactId is int named && !await db.Contacts.AnyAsync(c => c.Id == named))) return null;
            if (promiseId is not null && conversation.Promises.All(p => p.Id != promiseId)) return null;
            contactId = conversation.ContactId;
        }
        else if (promiseId is not null) return null;
        if (contactId is not int id) return null;
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Organization).Include(c => c.Emails).Include(c => c.ReferredBy)
            .Include(c => c.Fields).ThenInclude(f => f.CareerField).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id);
        if (contact is null) return null;
        var referral = await db.Referrals.AsNoTracking().Where(r => r.ContactId == id).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
        var outcome = await db.SearchOutcomes.AsNoTracking().OrderByDescending(o => o.RecordedAtUtc).FirstOrDefaultAsync();
        var promise = conversation?.Promises.Where(p => promiseId is null ? p.DoneAtUtc is null : p.Id == promiseId).OrderBy(p => p.Id).FirstOrDefault();
        var field = conversation?.Fields.Select(f => f.CareerField!.Name).FirstOrDefault() ?? contact.Fields.Select(f => f.CareerField!.Name).FirstOrDefault();
        // A referred contact from before referrals passed on their career fields: the field they were named in.
        if (field is null && referral is not null)
            field = await db.ConversationFields.AsNoTracking().Where(f => f.ConversationId == referral.ConversationId)
                .OrderBy(f => f.CareerFieldId).Select(f => f.CareerField!.Name).FirstOrDefaultAsync();
        var organization = conversation?.Organization?.Name ?? contact.Organization?.Name;

        string? Meeting() => conversation?.MeetingStartUtc is DateTime at ? time.Format(at) : null;
        var firstName = me.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? me.DisplayName;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["me.first_name"] = firstName,
            ["me.full_name"] = me.DisplayName,
            ["me.introduction"] = me.SelfIntroduction,
            ["me.availability"] = string.IsNullOrWhiteSpace(availability) ? null : availability.Trim(),
            ["contact.first_name"] = contact.FirstName,
            ["contact.last_name"] = contact.LastName,
            ["contact.full_name"] = contact.FullName,
            ["contact.title"] = contact.Title,
            ["contact.organization"] = contact.Organization?.Name,
            ["contact.school"] = contact.AlumniOf,
            ["referrer.first_name"] = contact.ReferredBy?.FirstName,
            ["referrer.full_name"] = contact.ReferredBy?.FullName,
            ["referrer.may_use_name"] = referral?.MayUseName switch { NameUse.Yes => "yes", NameUse.No => "no", NameUse.NotAsked => "not asked", _ => null },
            ["organization.name"] = organization,
            // Every template puts the field inside a sentence.
            ["field.name"] = field is null ? null : MidSentence.Name(field),
            ["meeting.length"] = Plural.Of(conversation?.DurationMinutes ?? Conversation.DefaultMinutes, "minute"),
            ["meeting.time"] = Meeting(),
            ["meeting.place"] = conversation?.Place ?? conversation?.VideoLink,
            ["conversation.learned"] = string.IsNullOrWhiteSpace(learned) ? null : learned.Trim(),
            ["promise.text"] = promise?.Text,
            ["outcome.text"] = outcome?.Text,
        };
        return new MessageContext(id, conversation?.Id, contact.FullName, contact.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
            conversation?.Stage, contact.ReferredById is not null, contact.AlumniOf is not null || contact.Source == ContactSource.Alumni, values,
            conversation?.Learned, conversation?.MeetingStartUtc?.AddMinutes(conversation.DurationMinutes));
    }
}
