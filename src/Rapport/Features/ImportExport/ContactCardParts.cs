using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>The person's contacts for an export, a part at a time in name order, read as plain rows: one query for
/// the part's contacts, one for who referred them, and one for each of their lists, however many contacts a part has.</summary>
public sealed class ContactCardParts(RapportDb db)
{
    /// <summary>The chosen contacts (<paramref name="ids"/>), or everyone when null. Each part starts after the last
    /// name and id of the one before, so it is read through the name index however far into the list it is. The
    /// timeline is read only when <paramref name="withTimeline"/>.</summary>
    public async IAsyncEnumerable<List<ContactCardData>> ReadAsync(IReadOnlyCollection<int>? ids, int size, bool withTimeline,
        [EnumeratorCancellation] CancellationToken cancellationToken, bool withPhotos = false)
    {
        var chosen = ids?.ToList();
        (string Key, int Id)? after = null;
        while (true)
        {
            var contacts = await ContactsAsync(chosen, after, size, cancellationToken);
            if (contacts.Count == 0) yield break;
            yield return await WithListsAsync(contacts, withTimeline, withPhotos, cancellationToken);
            if (contacts.Count < size) yield break;
            after = (contacts[^1].SearchKey, contacts[^1].Id);
        }
    }

    private Task<List<ExportedContact>> ContactsAsync(List<int>? chosen, (string Key, int Id)? after, int size,
        CancellationToken cancellationToken)
    {
        var query = db.Contacts.AsQueryable();
        // One parameter for a chosen few, as for the lists below.
        if (chosen is not null) query = query.Where(c => EF.Parameter(chosen).Contains(c.Id));
        // "From this name on" first, so both databases read the part through the name index rather than filtering everyone.
        if (after is var (key, id)) query = query.Where(c => string.Compare(c.SearchKey, key) >= 0 && (string.Compare(c.SearchKey, key) > 0 || c.Id > id));
        return query.OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Take(size)
            .Select(c => new ExportedContact(
                c.Id, c.SearchKey, c.Uid, c.FirstName, c.LastName, c.Title, c.Organization!.Name, c.City, c.LinkedInUrl, c.Source,
                c.ReferredById, c.AlumniOf, c.Priority, c.DoNotContact, c.Notes, c.ConnectedOn, c.LastContactedOn, c.LinkedInCompany,
                c.LinkedInPosition, c.CreatedAtUtc, c.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
    }

    private async Task<List<ContactCardData>> WithListsAsync(List<ExportedContact> contacts, bool withTimeline, bool withPhotos,
        CancellationToken cancellationToken)
    {
        var part = contacts.Select(c => c.Id).ToList();
        var referrers = await ReferrersAsync(contacts, cancellationToken);
        // The lists keep the owner filter but skip the trash filter: it would look up each row's contact again, and
        // the part's ids come from the contacts' own query, which has left out the contacts in the trash. The ids go
        // as one parameter: one parameter per id made each of these commands cost SQLite more than its rows did.
        var emails = (await db.ContactEmails.IgnoreQueryFilters(RapportDb.TrashOnly).Where(e => EF.Parameter(part).Contains(e.ContactId))
            .OrderBy(e => e.ContactId).ThenBy(e => e.Id).Select(e => new { e.ContactId, e.Label, e.Address })
            .ToListAsync(cancellationToken)).ToLookup(e => e.ContactId, e => (e.Label, Value: e.Address));
        var phones = (await db.ContactPhones.IgnoreQueryFilters(RapportDb.TrashOnly).Where(p => EF.Parameter(part).Contains(p.ContactId))
            .OrderBy(p => p.ContactId).ThenBy(p => p.Id).Select(p => new { p.ContactId, p.Label, p.Number })
            .ToListAsync(cancellationToken)).ToLookup(p => p.ContactId, p => (p.Label, Value: p.Number));
        var tags = (await db.ContactTags.IgnoreQueryFilters(RapportDb.TrashOnly).Where(t => EF.Parameter(part).Contains(t.ContactId))
            .OrderBy(t => t.ContactId).ThenBy(t => t.NormalizedName).Select(t => new { t.ContactId, t.Name })
            .ToListAsync(cancellationToken)).ToLookup(t => t.ContactId, t => t.Name);
        var fields = (await db.ContactFields.IgnoreQueryFilters(RapportDb.TrashOnly).Where(f => EF.Parameter(part).Contains(f.ContactId))
            .Select(f => new { f.ContactId, f.CareerField!.Name })
            .ToListAsync(cancellationToken)).ToLookup(f => f.ContactId, f => f.Name);
        var events = withTimeline
            ? (await db.ContactEvents.IgnoreQueryFilters(RapportDb.TrashOnly).Where(e => EF.Parameter(part).Contains(e.ContactId))
                .OrderBy(e => e.ContactId).ThenBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => new { e.ContactId, e.OccurredAtUtc, e.Kind, e.Text })
                .ToListAsync(cancellationToken)).ToLookup(e => e.ContactId, e => (AtUtc: e.OccurredAtUtc, e.Kind, e.Text))
            : null;
        var photos = withPhotos
            ? await db.ContactPhotos.IgnoreQueryFilters(RapportDb.TrashOnly).Where(p => EF.Parameter(part).Contains(p.ContactId))
                .ToDictionaryAsync(p => p.ContactId, p => (p.ContentType, p.Bytes), cancellationToken)
            : null;
        return contacts.Select(c => new ContactCardData(c, c.ReferredById is int r && referrers.TryGetValue(r, out var referrer) ? referrer : null,
                [.. emails[c.Id]], [.. phones[c.Id]], [.. tags[c.Id]], [.. fields[c.Id].Order(StringComparer.Ordinal)],
                events is null ? [] : [.. events[c.Id]], photos is not null && photos.TryGetValue(c.Id, out var photo) ? photo : null))
            .ToList();
    }

    /// <summary>Who referred the part's contacts, read on their own: joined to every contact, PostgreSQL hashed the
    /// whole table for each part. Read through the contacts' filters, so someone in the trash referred nobody here.</summary>
    private async Task<Dictionary<int, (Guid Uid, string Name)>> ReferrersAsync(List<ExportedContact> contacts, CancellationToken cancellationToken)
    {
        var ids = contacts.Where(c => c.ReferredById is not null).Select(c => c.ReferredById!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        return (await db.Contacts.Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => new { c.Id, c.Uid, c.FirstName, c.LastName })
            .ToListAsync(cancellationToken)).ToDictionary(c => c.Id, c => (c.Uid, Contact.FullNameOf(c.FirstName, c.LastName)));
    }
}
