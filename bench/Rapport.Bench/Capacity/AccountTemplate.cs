using Microsoft.EntityFrameworkCore;
using Rapport.Bench.Baselines;
using Rapport.Bench.Data;
using Rapport.Bench.Hosting;

namespace Rapport.Bench.Capacity;

/// <summary>An account made once the way the benchmark makes its network (a LinkedIn export imported through
/// the app, then <see cref="ActivitySeeder"/>'s notes, conversations and tasks), which no one signs into: each
/// person's account is a copy of it (<see cref="AccountCopy"/>).</summary>
public sealed record AccountTemplate(string OwnerId, AccountSize Size, IReadOnlyList<int> ContactIds, IReadOnlyList<int> ConversationIds, IReadOnlyList<string> Searches)
{
    public static async Task<AccountTemplate> MakeAsync(AppProcess app, BenchDatabase database, string email, AccountSize size, int seed)
    {
        var export = ConnectionsGenerator.Generate(size.Contacts, size.Companies, seed);
        using (var session = new RapportSession(app.Address, connections: 2))
        {
            await session.RegisterAsync(email);
            await session.ImportLinkedInAsync(export);
        }
        var ownerId = await OwnerIdAsync(database, email);
        await ActivitySeeder.SeedAsync(database, ownerId, size.Notes, size.Conversations, size.Tasks, seed);
        await using var db = ActivitySeeder.Open(database, ownerId);
        var contacts = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var conversations = await db.Conversations.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        return new AccountTemplate(ownerId, size, contacts, conversations, SearchQueries.From(export, 40, seed));
    }

    public static async Task<string> OwnerIdAsync(BenchDatabase database, string email) => (await OwnerIdsAsync(database, [email]))[email];

    /// <summary>The account ids of the given emails.</summary>
    public static async Task<Dictionary<string, string>> OwnerIdsAsync(BenchDatabase database, IReadOnlyCollection<string> emails)
    {
        var wanted = emails.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var connection = await RawQueries.OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Email", "Id" FROM "AspNetUsers" """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (wanted.Contains(reader.GetString(0))) ids[reader.GetString(0)] = reader.GetString(1);
        var missing = wanted.Where(e => !ids.ContainsKey(e)).ToList();
        return missing.Count == 0 ? ids : throw new InvalidOperationException("No account for " + string.Join(", ", missing.Take(5)));
    }
}
