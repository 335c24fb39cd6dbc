using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Fills in the search text of contacts that have none (rows moved by a migration, which
/// cannot fold accents in SQL). Runs at start-up; a no-op once every contact has its text.</summary>
public static class SearchTextRepair
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var owners = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            // Plain SQL: this runs on every start and almost always finds nothing, and a first LINQ query costs start-up time.
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT DISTINCT "OwnerId" FROM "Contacts" WHERE "SearchText" = ''""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) owners.Add(reader.GetString(0));
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
