using Rapport.Bench.Hosting;
using Rapport.Bench.Measure;

namespace Rapport.Bench.Baselines;

/// <summary>The floor for an export: reading the same rows (every contact with its organization and
/// emails) straight from the database, touching every value, writing nothing.</summary>
public static class RawRead
{
    public static Task<double> MedianSecondsAsync(BenchDatabase db, string ownerId, int runs) =>
        Load.MedianSecondsAsync(runs, async run =>
        {
            await using var connection = await RawQueries.OpenAsync(db);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT c.*, o."Name" FROM "Contacts" c LEFT JOIN "Organizations" o ON o."Id" = c."OrganizationId"
                WHERE c."OwnerId" = @owner ORDER BY c."SearchKey", c."Id"
                """;
            var owner = command.CreateParameter();
            owner.ParameterName = "@owner";
            owner.Value = ownerId;
            command.Parameters.Add(owner);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    for (var f = 0; f < reader.FieldCount; f++) _ = reader.IsDBNull(f) ? null : reader.GetValue(f);
                }
            }
            await using var emails = connection.CreateCommand();
            emails.CommandText = """SELECT "ContactId", "Address", "Label" FROM "ContactEmails" WHERE "OwnerId" = @owner""";
            var emailOwner = emails.CreateParameter();
            emailOwner.ParameterName = "@owner";
            emailOwner.Value = ownerId;
            emails.Parameters.Add(emailOwner);
            await using var emailReader = await emails.ExecuteReaderAsync();
            while (await emailReader.ReadAsync()) _ = (emailReader.GetInt32(0), emailReader.GetString(1));
        });
}
