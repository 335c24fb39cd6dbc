using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Folds the organization key of past positions that have none: the rows the migration read from timeline
/// sentences (SQL cannot fold accents). Runs at start-up; one query that finds nothing once every row has its key.</summary>
public static class PastPositionKeys
{
    public static async Task FillAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        // Every owner's rows at once, through plain SQL: this runs outside any signed-in request.
        var rows = await db.Database.SqlQuery<KeyLess>($"""SELECT "Id", "OrganizationName" FROM "PastPositions" WHERE "OrganizationKey" = ''""")
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var key = Organization.Normalize(row.OrganizationName);
            await db.Database.ExecuteSqlAsync($"""UPDATE "PastPositions" SET "OrganizationKey" = {key} WHERE "Id" = {row.Id}""", cancellationToken);
        }
    }

    private sealed record KeyLess(int Id, string OrganizationName);
}
