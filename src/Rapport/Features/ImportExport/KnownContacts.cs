using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.ImportExport;

public sealed record KnownContact(int Id, Guid Uid, string? LinkedInUrl, string NameKey, string? OrganizationKey, string? Title,
    string? LinkedInCompany, string? LinkedInPosition, DateOnly? ConnectedOn);

/// <summary>The person's contacts, loaded once per import and indexed by every key an import matches
/// on: vCard UID, profile URL, email, and folded name with organization.</summary>
public sealed class KnownContacts
{
    private readonly Dictionary<Guid, KnownContact> _byUid = [];
    private readonly Dictionary<string, KnownContact> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownContact> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownContact> _byNameAndOrganization = new(StringComparer.Ordinal);
    private readonly HashSet<(int, string)> _emails = [];

    public static async Task<KnownContacts> LoadAsync(RapportDb db)
    {
        var known = new KnownContacts();
        var contacts = await db.Contacts.AsNoTracking()
            .Select(c => new KnownContact(c.Id, c.Uid, c.LinkedInUrl, c.SearchKey, c.Organization == null ? null : c.Organization.NormalizedName,
                c.Title, c.LinkedInCompany, c.LinkedInPosition, c.ConnectedOn))
            .ToListAsync();
        var byId = new Dictionary<int, KnownContact>(contacts.Count);
        foreach (var contact in contacts)
        {
            byId[contact.Id] = contact;
            known._byUid.TryAdd(contact.Uid, contact);
            if (contact.LinkedInUrl is not null) known._byUrl.TryAdd(contact.LinkedInUrl, contact);
            known._byNameAndOrganization.TryAdd(NameKey(contact.NameKey, contact.OrganizationKey), contact);
        }
        var emails = await db.ContactEmails.AsNoTracking().Select(e => new { e.ContactId, e.NormalizedAddress }).ToListAsync();
        foreach (var email in emails)
        {
            known._emails.Add((email.ContactId, email.NormalizedAddress));
            if (byId.TryGetValue(email.ContactId, out var contact)) known._byEmail.TryAdd(email.NormalizedAddress, contact);
        }
        return known;
    }

    public KnownContact? Find(string? profileUrl, string? email, string nameKey, string? organizationKey, Guid? uid = null) =>
        (uid is Guid u && _byUid.TryGetValue(u, out var byUid) ? byUid : null)
        ?? (profileUrl is not null && _byUrl.TryGetValue(profileUrl, out var byUrl) ? byUrl : null)
        ?? (email is not null && _byEmail.TryGetValue(ContactEmail.Normalize(email), out var byEmail) ? byEmail : null)
        ?? (nameKey.Length > 0 && _byNameAndOrganization.TryGetValue(NameKey(nameKey, organizationKey), out var byName) ? byName : null);

    public bool HasEmail(int contactId, string email) => _emails.Contains((contactId, ContactEmail.Normalize(email)));

    private static string NameKey(string name, string? organization) => name + "\u001f" + organization;
}
