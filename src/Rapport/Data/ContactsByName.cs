using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Finding a contact the way a name box takes them: by their folded name, and at the organization
/// when one is given in brackets (<see cref="NameWithOrganization"/>). Used by the referrer box, the
/// conversation's "with" box and the quick referral, so all three find the same person.</summary>
public static class ContactsByName
{
    public static IQueryable<Contact> Named(this IQueryable<Contact> contacts, NameWithOrganization name)
    {
        var key = name.NameKey;
        var organization = name.OrganizationKey;
        return contacts.Where(c => c.SearchKey == key
            && (organization == null || (c.Organization != null && c.Organization.NormalizedName == organization)));
    }
}
