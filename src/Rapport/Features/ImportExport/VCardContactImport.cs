using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Formats.Images;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.VCard;

namespace Rapport.Features.ImportExport;

/// <summary>Imports vCard files. A card matches a known contact by its UID (Rapport's own exports),
/// then email, then LinkedIn profile, then name and organization; a match is filled in from the card
/// (lists are merged), anything else is a new contact. One transaction, like every import.</summary>
public sealed class VCardContactImport(RapportDb db, TimeProvider clock) : IContactImport
{
    private sealed record Plan(List<(CardContact Card, int? ContactId)> Cards, List<ImportIssue> Rejected, List<ImportIssue> Warnings, string? FileError);

    public string? FileError(byte[] content, string fileName) => VCardReader.Read(new MemoryStream(content)).FileError;

    public async Task<ImportSummary> SummarizeAsync(byte[] content, string fileName)
    {
        var plan = await PlanAsync(content);
        if (plan.FileError is not null) return ImportSummary.Failed(plan.FileError);
        // Work the changes out on untracked copies: exactly what confirming would do, saving nothing.
        var matched = await LoadAsync(plan.Cards.Where(c => c.ContactId is not null).Select(c => c.ContactId!.Value).ToList(), tracked: false);
        var orgs = OrganizationsByName.Preview(db);
        var newOrganizations = await orgs.CountNewAsync(plan.Cards.Select(c => c.Card.Organization));
        var updated = new List<string>();
        var moves = new List<(string Name, string Change)>();
        var unchanged = 0;
        var fields = new FieldFinder(db, tracked: false);
        foreach (var (card, id) in plan.Cards.Where(c => c.ContactId is not null))
        {
            var contact = matched[id!.Value];
            var before = Snapshot(contact);
            // A move is listed as a LinkedIn import lists it; confirming keeps the job left.
            if (await MergeAsync(contact, card, orgs, fields, null) is { } move) moves.Add((contact.FullName, move));
            if (Snapshot(contact) == before) unchanged++;
            else updated.Add(contact.FullName);
        }
        var fresh = plan.Cards.Where(c => c.ContactId is null).Select(c => Name(c.Card)).ToList();
        return new ImportSummary(null, fresh.Count, updated.Count, unchanged, plan.Rejected, plan.Warnings, moves,
            fresh.Take(ImportSummary.SampleSize).ToList(), updated.Take(ImportSummary.SampleSize).ToList(), newOrganizations, 0);
    }

    public async Task<int?> ApplyAsync(byte[] content, string fileName, bool skipRejected)
    {
        var plan = await PlanAsync(content);
        if (plan.FileError is not null || (plan.Rejected.Count > 0 && !skipRejected)) return null;
        var matched = await LoadAsync(plan.Cards.Where(c => c.ContactId is not null).Select(c => c.ContactId!.Value).ToList(), tracked: true);
        var fields = new FieldFinder(db, tracked: true);
        var orgs = new OrganizationsByName(db);
        var byUid = new Dictionary<Guid, Contact>();
        var changed = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var referrals = new List<(Contact Contact, Guid Referrer)>();
        foreach (var (card, id) in plan.Cards)
        {
            Contact contact;
            if (id is int existing)
            {
                contact = matched[existing];
                var before = Snapshot(contact);
                await MergeAsync(contact, card, orgs, fields, now);
                if (Snapshot(contact) != before) changed++;
            }
            else
            {
                contact = new Contact { Imported = true, Uid = card.Uid is Guid uid && !await db.ContactsWithTrash.AnyAsync(c => c.Uid == uid) && !byUid.ContainsKey(uid) ? uid : Guid.NewGuid() };
                await MergeAsync(contact, card, orgs, fields, now);
                if (card.Events.Count == 0)
                    contact.Events.Add(new ContactEvent { Kind = ContactEventKind.Imported, OccurredAtUtc = now, Text = "Imported from a vCard file" });
                db.Contacts.Add(contact);
                changed++;
            }
            byUid[contact.Uid] = contact;
            if (card.ReferredByUid is Guid referrer) referrals.Add((contact, referrer));
        }
        foreach (var (contact, referrerUid) in referrals)
        {
            var referrer = byUid.GetValueOrDefault(referrerUid) ?? await db.Contacts.FirstOrDefaultAsync(c => c.Uid == referrerUid);
            if (referrer is not null && referrer != contact) contact.ReferredBy = referrer;
        }
        await db.SaveChangesAsync();
        return changed;
    }

    private async Task<Plan> PlanAsync(byte[] content)
    {
        var read = VCardReader.Read(new MemoryStream(content));
        if (read.FileError is not null) return new Plan([], [], [], read.FileError);
        var rejected = read.Problems.Select(p => new ImportIssue(p.Line, p.Message)).ToList();
        var warnings = new List<ImportIssue>();
        var known = await KnownContacts.LoadAsync(db);
        var cards = new List<(CardContact, int?)>();
        var claimed = new Dictionary<int, int>();
        var uids = new Dictionary<Guid, int>();
        foreach (var vcard in read.Cards)
        {
            var (card, problem) = ContactVCard.FromCard(vcard);
            problem ??= Refusal(card!);
            if (problem is not null)
            {
                rejected.Add(new ImportIssue(vcard.Line, problem));
                continue;
            }
            var badEmails = card!.Emails.Where(e => !EmailAddress.IsValid(e.Value)).ToList();
            foreach (var bad in badEmails)
                warnings.Add(new ImportIssue(card.Line, $"Line {card.Line}: “{Short(bad.Value)}” is not an email address and is left out."));
            card = card with { Emails = card.Emails.Except(badEmails).ToList() };
            if (PhotoNotKept(card) is { } why)
            {
                warnings.Add(new ImportIssue(card.Line, $"Line {card.Line}: the photo of {Name(card)} {why}, so it is not kept."));
                card = card with { Photo = null };
            }
            if (card.Uid is Guid uid && uids.TryGetValue(uid, out var sameUid))
            {
                rejected.Add(new ImportIssue(card.Line, $"Line {card.Line}: the same card as line {sameUid} (same UID)."));
                continue;
            }
            if (card.Uid is Guid u) uids[u] = card.Line;
            var nameKey = Folding.Fold(Name(card));
            var orgKey = card.Organization is null ? null : Organization.Normalize(card.Organization);
            var match = card.Emails.Select(e => known.Find(null, e.Value, "", null)).FirstOrDefault(m => m is not null)
                ?? known.Find(card.LinkedInUrl, null, nameKey, orgKey, card.Uid);
            if (card.Uid is Guid byUid) match = known.Find(null, null, "", null, byUid) ?? match;
            if (match is not null && claimed.TryGetValue(match.Id, out var firstLine))
            {
                rejected.Add(new ImportIssue(card.Line, $"Line {card.Line}: matches the same contact as line {firstLine}."));
                continue;
            }
            if (match is not null) claimed[match.Id] = card.Line;
            cards.Add((card, match?.Id));
        }
        if (read.Cards.Count == 0 && rejected.Count == 0) return new Plan([], [], [], "The file holds no contact cards.");
        return new Plan(cards, rejected.OrderBy(r => r.Line).ToList(), warnings, null);
    }

    /// <summary>Why a card cannot be stored as it is, or null.</summary>
    private static string? Refusal(CardContact card)
    {
        string Too(string what, int max) => $"Line {card.Line}: the {what} is longer than {max:N0} characters.";
        if (card.FirstName.Length > Contact.NameMaxLength || card.LastName?.Length > Contact.NameMaxLength) return Too("name", Contact.NameMaxLength);
        if (card.Title?.Length > Contact.TitleMaxLength) return Too("title", Contact.TitleMaxLength);
        if (card.Organization?.Length > Organization.NameMaxLength) return Too("organization", Organization.NameMaxLength);
        if (card.City?.Length > Contact.CityMaxLength) return Too("city", Contact.CityMaxLength);
        if (card.Notes?.Length > Contact.NotesMaxLength) return Too("note", Contact.NotesMaxLength);
        if (card.AlumniOf?.Length > Contact.SchoolMaxLength) return Too("school", Contact.SchoolMaxLength);
        if (card.Emails.Any(e => e.Value.Length > ContactEmail.AddressMaxLength || e.Label?.Length > ContactEmail.LabelMaxLength)) return Too("email address or its label", ContactEmail.AddressMaxLength);
        if (card.Phones.Any(p => p.Value.Length > ContactPhone.NumberMaxLength || p.Label?.Length > ContactEmail.LabelMaxLength)) return Too("phone number or its label", ContactPhone.NumberMaxLength);
        if (card.Tags.Any(t => t.Length > ContactTag.NameMaxLength)) return Too("tag", ContactTag.NameMaxLength);
        if (card.Fields.Any(f => f.Length > CareerField.NameMaxLength)) return Too("career field", CareerField.NameMaxLength);
        if (card.Events.Any(e => e.Text.Length > ContactEvent.TextMaxLength)) return Too("timeline entry", ContactEvent.TextMaxLength);
        var texts = new[] { card.FirstName, card.LastName, card.Title, card.Organization, card.City, card.Notes, card.AlumniOf }
            .Concat(card.Emails.Select(e => e.Value)).Concat(card.Phones.Select(p => p.Value)).Concat(card.Tags);
        if (texts.Any(StorableText.HasUnstorable)) return $"Line {card.Line}: the card holds a NUL character, which cannot be saved.";
        // The contact's own checks, the same its form and the restore meet (the LinkedIn address is already cleaned by the reader).
        if (ContactChecks.LinkedInUrl(card.LinkedInUrl) is { } link) return $"Line {card.Line}: {link}";
        if (!YearRange.Holds(card.ConnectedOn) || !YearRange.Holds(card.LastContactedOn) || card.Events.Any(e => !YearRange.Holds(e.AtUtc)))
            return $"Line {card.Line}: a date is outside the years {YearRange.First} to {YearRange.Last}.";
        return null;
    }

    /// <summary>Why a card's photo cannot be kept ("is larger than 512 KB"), or null when it can (or there is none).</summary>
    private static string? PhotoNotKept(CardContact card) => card.Photo switch
    {
        null => null,
        { Bytes: null } or { Size: > ContactPhoto.MaxBytes } => $"is larger than {ContactPhoto.MaxBytes / 1024} KB ({(card.Photo.Size + 1023) / 1024:N0} KB)",
        { Bytes: var bytes } when ImageType.Of(bytes) is null => "is not a JPEG, PNG, GIF or WebP image",
        _ => null,
    };

    /// <summary>Fills <paramref name="contact"/> from the card: what the card says wins, lists are merged. Returns the
    /// sentence of a move to another organization, which is recorded only when applying (<paramref name="now"/> set).</summary>
    private static async Task<string?> MergeAsync(Contact contact, CardContact card, OrganizationsByName organizations, FieldFinder fields, DateTime? now)
    {
        var (titleLeft, organizationLeft) = (contact.Title, contact.Organization);
        string? move = null;
        contact.FirstName = card.FirstName;
        contact.LastName = card.LastName ?? contact.LastName;
        contact.Title = card.Title ?? contact.Title;
        contact.City = card.City ?? contact.City;
        contact.LinkedInUrl = card.LinkedInUrl ?? contact.LinkedInUrl;
        contact.Notes = card.Notes ?? contact.Notes;
        contact.AlumniOf = card.AlumniOf ?? contact.AlumniOf;
        contact.Source = card.Source ?? contact.Source;
        contact.Priority = card.Priority ?? contact.Priority;
        contact.DoNotContact = contact.DoNotContact || card.DoNotContact;
        contact.ConnectedOn = card.ConnectedOn ?? contact.ConnectedOn;
        contact.LastContactedOn = card.LastContactedOn ?? contact.LastContactedOn;
        contact.LinkedInCompany = card.LinkedInCompany ?? contact.LinkedInCompany;
        contact.LinkedInPosition = card.LinkedInPosition ?? contact.LinkedInPosition;
        if (card.Organization is not null)
        {
            contact.Organization = await organizations.FindOrAddAsync(card.Organization);
            // The card says they work elsewhere now: the job left is kept, as the edit page and a LinkedIn import keep it.
            if (contact.WorksElsewhereThan(organizationLeft))
            {
                move = JobChangeSentence.Write(titleLeft, organizationLeft.Name, contact.Title, contact.Organization?.Name);
                if (now is DateTime movedAt) contact.RecordMove(titleLeft, organizationLeft.Name, move, movedAt);
            }
        }
        foreach (var (label, address) in card.Emails.Where(e => contact.Emails.All(x => x.NormalizedAddress != ContactEmail.Normalize(e.Value))))
            contact.Emails.Add(new ContactEmail { Address = address, Label = label, NormalizedAddress = ContactEmail.Normalize(address) });
        foreach (var (label, number) in card.Phones.Where(p => contact.Phones.All(x => x.Number != p.Value)))
            contact.Phones.Add(new ContactPhone { Number = number, Label = label });
        contact.SetTags(contact.Tags.Select(t => t.Name).Concat(card.Tags).ToList());
        if (card.Photo?.Bytes is { } photo && ImageType.Of(photo) is { } contentType)
        {
            contact.Photo ??= new ContactPhoto();
            contact.Photo.Bytes = photo;
            contact.Photo.ContentType = contentType;
        }
        foreach (var name in card.Fields)
        {
            var field = await fields.FindOrAddAsync(name);
            if (contact.Fields.All(f => f.CareerField != field && (field.Id == 0 || f.CareerFieldId != field.Id)))
                contact.Fields.Add(new ContactField { CareerField = field });
        }
        if (now is not null)
        {
            foreach (var (at, kind, text) in card.Events.Where(e => !contact.Events.Any(x => x.Kind == e.Kind && x.OccurredAtUtc == e.AtUtc && x.Text == e.Text)))
                contact.Events.Add(new ContactEvent { Kind = kind, OccurredAtUtc = at, Text = text });
        }
        contact.RefreshSearch(contact.Organization?.Name);
        return move;
    }

    private async Task<Dictionary<int, Contact>> LoadAsync(List<int> ids, bool tracked)
    {
        var result = new Dictionary<int, Contact>();
        foreach (var chunk in ids.Chunk(500))
        {
            var query = db.Contacts.Where(c => chunk.Contains(c.Id))
                .Include(c => c.Organization).Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags)
                .Include(c => c.Fields).ThenInclude(f => f.CareerField).Include(c => c.Events).Include(c => c.Photo).AsSplitQuery();
            foreach (var contact in await (tracked ? query : query.AsNoTracking()).ToListAsync()) result[contact.Id] = contact;
        }
        return result;
    }

    /// <summary>Every stored fact of a contact as one string, to tell "updated" from "unchanged".</summary>
    private static string Snapshot(Contact c)
    {
        var text = new StringBuilder();
        text.AppendJoin('\u001f', c.FirstName, c.LastName, c.Title, c.City, c.LinkedInUrl, c.Notes, c.AlumniOf, c.Source, c.Priority,
            c.DoNotContact, c.ConnectedOn, c.LastContactedOn, c.LinkedInCompany, c.LinkedInPosition, c.Organization?.NormalizedName);
        text.AppendJoin('|', c.Emails.Select(e => e.NormalizedAddress + e.Label).Order());
        text.AppendJoin('|', c.Phones.Select(p => p.Number + p.Label).Order());
        text.AppendJoin('|', c.Tags.Select(t => t.NormalizedName).Order());
        text.AppendJoin('|', c.Fields.Select(f => f.CareerField?.NormalizedName ?? f.CareerFieldId.ToString()).Order());
        text.Append(c.Events.Count);
        if (c.Photo is { } photo) text.Append(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(photo.Bytes)));
        return text.ToString();
    }

    private static string Name(CardContact card) => Contact.FullNameOf(card.FirstName, card.LastName);

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private sealed class FieldFinder(RapportDb db, bool tracked)
    {
        private readonly Dictionary<string, CareerField> _seen = new(StringComparer.Ordinal);

        public async Task<CareerField> FindOrAddAsync(string name)
        {
            var key = Folding.Fold(name);
            if (_seen.TryGetValue(key, out var seen)) return seen;
            var query = db.CareerFields.Where(f => f.NormalizedName == key);
            var found = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync();
            if (found is null)
            {
                found = new CareerField();
                found.Rename(name);
                if (tracked) db.CareerFields.Add(found);
            }
            return _seen[key] = found;
        }
    }
}
