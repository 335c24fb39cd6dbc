using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.People;

/// <summary>Merges two records of one person into the one the person keeps, losing nothing: the kept
/// record's values win, gaps are filled from the other, lists are joined, both notes stay, the
/// timeline and the people either one referred move over. Features that add facts about a contact
/// (outreach, conversations, tasks) re-point their rows here too.</summary>
public sealed class ContactMerge(RapportDb db, TimeProvider clock)
{
    public async Task MergeAsync(Contact keep, Contact other)
    {
        if (keep.Id == other.Id) throw new InvalidOperationException("A contact cannot be merged with itself.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        keep.LastName ??= other.LastName;
        keep.Title ??= other.Title;
        keep.City ??= other.City;
        keep.LinkedInUrl ??= other.LinkedInUrl;
        keep.Source ??= other.Source;
        keep.AlumniOf ??= other.AlumniOf;
        keep.OrganizationId ??= other.OrganizationId;
        if (keep.Organization is null && other.Organization is not null) keep.Organization = other.Organization;
        keep.Priority = (Priority)Math.Min((int)keep.Priority, (int)other.Priority);
        keep.DoNotContact |= other.DoNotContact;
        keep.ConnectedOn = Earliest(keep.ConnectedOn, other.ConnectedOn);
        keep.LastContactedOn = Latest(keep.LastContactedOn, other.LastContactedOn);
        keep.LinkedInCompany ??= other.LinkedInCompany;
        keep.LinkedInPosition ??= other.LinkedInPosition;
        if (keep.ReferredById is null && other.ReferredById is not null && other.ReferredById != keep.Id) keep.ReferredById = other.ReferredById;
        keep.Notes = (keep.Notes, other.Notes) switch
        {
            (null, var theirs) => theirs,
            (var ours, null) => ours,
            var (ours, theirs) when ours == theirs => ours,
            var (ours, theirs) => Folding.Truncate($"{ours}\n\n---\n\n{theirs}", Contact.NotesMaxLength),
        };

        foreach (var email in other.Emails.Where(e => keep.Emails.All(k => k.NormalizedAddress != e.NormalizedAddress)))
            keep.Emails.Add(new ContactEmail { Address = email.Address, Label = email.Label, NormalizedAddress = email.NormalizedAddress });
        foreach (var phone in other.Phones.Where(p => keep.Phones.All(k => k.Number != p.Number)))
            keep.Phones.Add(new ContactPhone { Number = phone.Number, Label = phone.Label });
        keep.SetTags(keep.Tags.Select(t => t.Name).Concat(other.Tags.Select(t => t.Name)).ToList());
        foreach (var field in other.Fields.Where(f => keep.Fields.All(k => k.CareerFieldId != f.CareerFieldId)))
            keep.Fields.Add(new ContactField { CareerFieldId = field.CareerFieldId });

        // One photo a contact, keyed by it: the kept record's own wins; with none, a copy of the other's comes over
        // (the other's row goes with its contact).
        if (!await db.ContactPhotos.AnyAsync(p => p.ContactId == keep.Id)
            && await db.ContactPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.ContactId == other.Id) is { } photo)
            db.ContactPhotos.Add(new ContactPhoto { ContactId = keep.Id, ContentType = photo.ContentType, Bytes = photo.Bytes });

        await db.ContactEvents.Where(e => e.ContactId == other.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.ContactId, keep.Id));
        await db.PastPositions.Where(p => p.ContactId == other.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ContactId, keep.Id));
        await db.Contacts.Where(c => c.ReferredById == other.Id && c.Id != keep.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ReferredById, keep.Id).SetProperty(c => c.Version, c => c.Version + 1));
        await db.Conversations.Where(c => c.ContactId == other.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ContactId, keep.Id).SetProperty(c => c.Version, c => c.Version + 1));
        await db.Referrals.Where(r => r.ContactId == other.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ContactId, keep.Id));
        if (keep.ReferredById == other.Id) keep.ReferredById = null;
        keep.Events.Add(new ContactEvent
        {
            Kind = ContactEventKind.Merged,
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            Text = Folding.Truncate($"Merged with another record of {other.FullName}", ContactEvent.TextMaxLength),
        });
        keep.RefreshSearch(keep.Organization?.Name);
        db.Contacts.Remove(other);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
