using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Fills in the search text of contacts that have none (rows moved by a migration, which
/// cannot fold accents in SQL). Runs at start-up; a no-op once every contact has its text.</summary>
public static class SearchTextRepair
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        List<string> owners;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            owners = await db.Contacts.IgnoreQueryFilters([RapportDb.OwnerFilter])
                .Where(c => c.SearchText == "").Select(c => c.OwnerId).Distinct().ToListAsync(cancellationToken);
        }
        foreach (var ownerId in owners)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(ownerId);
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            var contacts = await db.Contacts.Where(c => c.SearchText == "")
                .Include(c => c.Organization).Include(c => c.Tags).Include(c => c.Emails)
                .ToListAsync(cancellationToken);
            foreach (var contact in contacts) contact.RefreshSearch(contact.Organization?.Name);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
