using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Data;
using Rapport.Bench.Hosting;
using Rapport.Domain;

namespace Rapport.Bench.Data;

/// <summary>What a long search leaves behind, written straight into the app's database after the import:
/// logged calls and notes on the timelines, conversations at every stage, and follow-up tasks, spread
/// over 500 days, from a fixed seed.</summary>
public static class ActivitySeeder
{
    private const int Days = 500;

    private static readonly string[] Notes =
    [
        "Caught up about her new team", "Asked about the certification path", "Sent the article we discussed",
        "Talked about moving from nursing into design", "Met at the UX Night meetup", "Quick call about openings next spring",
        "Shared my portfolio; feedback on the case study", "Coffee near the office; suggested two people to meet",
    ];

    public static RapportDb Open(BenchDatabase database, string ownerId)
    {
        var options = new DbContextOptionsBuilder<RapportDb>();
        if (database.IsPostgres) options.UseNpgsql(database.ConnectionString);
        else options.UseSqlite(database.ConnectionString).AddInterceptors(new SqliteConnectionSetup());
        options.AddInterceptors(new OwnershipInterceptor(), new StampingInterceptor(TimeProvider.System));
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        var owner = new CurrentOwner(new HttpContextAccessor());
        owner.ActAs(ownerId);
        return new RapportDb(options.Options, owner);
    }

    public static async Task SeedAsync(BenchDatabase database, string ownerId, int notes, int conversations, int tasks, int seed)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        DateTime Past() => now.AddDays(-random.NextDouble() * Days);
        await using var db = Open(database, ownerId);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ids = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        int AnyContact() => ids[random.Next(ids.Count)];

        var lastInTouch = new Dictionary<int, DateTime>();
        foreach (var chunk in Enumerable.Range(0, notes).Chunk(10_000))
        {
            foreach (var _ in chunk)
            {
                var contact = AnyContact();
                var at = Past();
                db.ContactEvents.Add(new ContactEvent
                {
                    ContactId = contact, Kind = ContactEventKind.Interaction, OccurredAtUtc = at, Text = "Phone call: " + Notes[random.Next(Notes.Length)],
                });
                if (!lastInTouch.TryGetValue(contact, out var last) || last < at) lastInTouch[contact] = at;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in lastInTouch.Chunk(5_000))
        {
            var byId = chunk.ToDictionary(p => p.Key, p => DateOnly.FromDateTime(p.Value));
            var keys = byId.Keys.ToList();
            foreach (var contact in await db.Contacts.Where(c => keys.Contains(c.Id)).ToListAsync())
            {
                contact.LastContactedOn = byId[contact.Id];
                db.Entry(contact).Property(c => c.LastContactedOn).IsModified = true;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        ConversationStage[] stages =
        [
            ConversationStage.Idea, ConversationStage.Idea, ConversationStage.Requested, ConversationStage.Requested, ConversationStage.Scheduled,
            ConversationStage.Held, ConversationStage.Held, ConversationStage.Held, ConversationStage.Thanked, ConversationStage.Closed,
            ConversationStage.Declined, ConversationStage.NoReply,
        ];
        foreach (var chunk in Enumerable.Range(0, conversations).Chunk(2_000))
        {
            foreach (var _ in chunk)
            {
                var stage = stages[random.Next(stages.Length)];
                var created = Past();
                DateTime? meeting = stage switch
                {
                    ConversationStage.Scheduled => now.AddDays(random.NextDouble() * 30),
                    ConversationStage.Held or ConversationStage.Thanked or ConversationStage.Closed => created.AddDays(random.NextDouble() * 14) is var m && m < now ? m : now.AddHours(-1),
                    _ => null,
                };
                var conversation = new Conversation
                {
                    ContactId = AnyContact(), Stage = stage, StageChangedAtUtc = created, Goals = ConversationGoal.DecideFit,
                    MeetingStartUtc = meeting, TimeZoneId = "America/New_York", Mode = MeetingMode.Video,
                    Learned = stage is ConversationStage.Held or ConversationStage.Thanked or ConversationStage.Closed ? "How teams hire career changers." : null,
                };
                conversation.StageChanges.Add(new StageChange { From = null, To = ConversationStage.Idea, AtUtc = created });
                if (stage != ConversationStage.Idea) conversation.StageChanges.Add(new StageChange { From = ConversationStage.Idea, To = stage, AtUtc = created.AddDays(1) });
                db.Conversations.Add(conversation);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        foreach (var chunk in Enumerable.Range(0, tasks).Chunk(10_000))
        {
            foreach (var _ in chunk)
            {
                // Spread over 500 days: most in the past (many done), some ahead.
                var due = now.AddDays(random.NextDouble() * Days - Days * 0.8).Date.AddHours(9);
                var done = due < now && random.NextDouble() < 0.8;
                db.FollowUpTasks.Add(new FollowUpTask
                {
                    Kind = TaskKind.Own, ContactId = AnyContact(), Title = "Send the article on " + Notes[random.Next(Notes.Length)].ToLowerInvariant(),
                    DueUtc = due, AllDay = true, DoneAtUtc = done ? due.AddHours(random.Next(1, 48)) : null,
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        // Five hundred days of use would have let PostgreSQL's autovacuum tidy up and gather statistics; seeded in a minute, ask for it.
        // VACUUM too: otherwise autovacuum works through the new rows while the pages are measured.
        if (database.IsPostgres) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }
}
