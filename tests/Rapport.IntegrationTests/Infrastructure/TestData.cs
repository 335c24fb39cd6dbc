using Rapport.Domain;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>Rows made directly in the database for tests that are about reading them.</summary>
public static class TestData
{
    public static Task<int> AddContactAsync(this RapportApp app, string ownerId, string firstName, string? lastName = null,
        string? organization = null, Action<Contact>? more = null) =>
        app.WithDbAsync(ownerId, async db =>
        {
            var contact = new Contact { FirstName = firstName, LastName = lastName };
            if (organization is not null)
            {
                var key = Organization.Normalize(organization);
                contact.Organization = db.Organizations.Local.FirstOrDefault(o => o.NormalizedName == key)
                    ?? db.Organizations.FirstOrDefault(o => o.NormalizedName == key);
                if (contact.Organization is null)
                {
                    contact.Organization = new Organization();
                    contact.Organization.Rename(organization);
                }
            }
            more?.Invoke(contact);
            contact.RefreshSearch(contact.Organization?.Name);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
}
