using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.People;

/// <summary>Removes contacts with everything that hangs off them (the database cascades emails, phones,
/// tags, fields and timeline; referrals they made lose the link). Later features that keep facts
/// about a contact (outreach, conversations, tasks) cascade the same way.</summary>
public static class ContactRemoval
{
    public static async Task RemoveAsync(RapportDb db, IReadOnlyCollection<Contact> contacts)
    {
        db.Contacts.RemoveRange(contacts);
        await db.SaveChangesAsync();
    }
}
