using Rapport.Bench.Baselines;
using Rapport.Bench.Data;
using Rapport.Bench.Hosting;
using Rapport.Domain;
using Rapport.Features.FollowUps;

namespace Rapport.Bench.Capacity;

/// <summary>Makes new people: each signs up through the app's own form (which signs them in), gets a copy of a
/// template account (the large one for one person in fifty), and the follow-up rules run once on the copy, as
/// they would have after the writes that made it; on PostgreSQL the planner's statistics are then refreshed.</summary>
public sealed class PeopleSeeder(BenchDatabase db, AccountCopy copy, HttpClient shared, AccountTemplate ordinary, AccountTemplate large, int seed)
{
    public async Task<IReadOnlyList<Person>> AddAsync(IReadOnlyList<int> numbers)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var browsers = numbers.ToDictionary(i => i, _ => new PersonBrowser(shared));
        // A few at a time: each sign-up hashes a password, which is most of its cost.
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => await browsers[i].RegisterAsync($"Person {i}", Email(i)));
        var signUps = clock.Elapsed;
        var owners = await AccountTemplate.OwnerIdsAsync(db, numbers.Select(Email).ToList());
        var accounts = new Dictionary<int, PersonAccount>();
        foreach (var template in new[] { ordinary, large })
        {
            var group = numbers.Where(i => CapacitySettings.UsesLargeAccount(i) == (template == large)).ToList();
            if (group.Count == 0) continue;
            var moves = await copy.CopyAsync(template, group.Select(i => owners[Email(i)]).ToList(), perStatement: Math.Clamp(50_000 / template.Size.Contacts, 1, 100));
            for (var k = 0; k < group.Count; k++)
                accounts[group[k]] = new PersonAccount(owners[Email(group[k])], template, copy.Moved<Contact>(moves[k]), copy.Moved<Conversation>(moves[k]));
            await copy.CheckAsync(template, accounts[group[^1]].OwnerId);
        }
        var copies = clock.Elapsed;
        // The rule passes below read each copied account with the planner's view of the tables: on PostgreSQL, as
        // they were before the copy (a first pass on a copied 30,000-contact account ran past the 30 s command
        // timeout on plans made for empty tables), so the copies are analyzed first.
        if (db.IsPostgres) await RunAsync(db, "ANALYZE");
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
        {
            await using var context = ActivitySeeder.Open(db, accounts[i].OwnerId);
            await new FollowUpEngine(context, TimeProvider.System).SyncAsync();
        });
        // A live database has had autovacuum tidy up and gather statistics; seeded in seconds, ask for it.
        if (db.IsPostgres) await RunAsync(db, "VACUUM ANALYZE");
        Console.WriteLine($"  {numbers.Count:N0} people added: signed up in {signUps.TotalSeconds:0} s, accounts copied in {(copies - signUps).TotalSeconds:0} s, "
            + $"rules run{(db.IsPostgres ? " and VACUUM ANALYZE" : "")} in {(clock.Elapsed - copies).TotalSeconds:0} s");
        return numbers.Select(i => new Person(i, browsers[i], accounts[i], seed + 1_000 + i)).ToList();
    }

    /// <summary>People are numbered from 0; the warm-up's, which no step counts, below it.</summary>
    private static string Email(int person) => person >= 0 ? $"person-{person}@capacity.example" : $"warm-up{-person}@capacity.example";

    private static async Task RunAsync(BenchDatabase db, string statement)
    {
        await using var connection = await RawQueries.OpenAsync(db);
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
