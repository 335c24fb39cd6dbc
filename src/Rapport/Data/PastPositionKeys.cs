using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Folds the organization key of past positions that have none: the rows the migration read from timeline
/// sentences (SQL cannot fold accents). Runs at start-up, like <see cref="SearchTextRepair"/>: one plain query that
/// finds nothing once every row has its key.</summary>
public static class PastPositionKeys
{
    public static async Task FillAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        // Plain SQL over every owner's rows: this runs outside any signed-in request, on every start, and a first
        // LINQ query would cost start-up time for nothing.
        var rows = new List<(int Id, string Name)>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = """SELECT "Id", "OrganizationName" FROM "PastPositions" WHERE "OrganizationKey" = ''""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        if (rows.Count == 0) return;
        // Once, after the migration: one transaction, not a commit per row.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (id, name) in rows)
        {
            var key = Organization.Normalize(name);
            await db.Database.ExecuteSqlAsync($"""UPDATE "PastPositions" SET "OrganizationKey" = {key} WHERE "Id" = {id}""", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
