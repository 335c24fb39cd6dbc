using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Data;
using Rapport.Bench.Hosting;
using Rapport.Domain;

namespace Rapport.Bench.Data;

/// <summary>What a long search leaves behind, written straight into the app's database after the import:
/// logged calls and notes on the timelines, career fields and who is in them, conversations at every stage
/// (see <see cref="ConversationSeeder"/>), follow-up tasks, and one person recorded twice, spread over 500
/// days, from a fixed seed.</summary>
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
        var contacts = await db.Contacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.OrganizationId }).ToListAsync();
        var ids = contacts.Select(c => c.Id).ToList();
        var organizationOf = contacts.ToDictionary(c => c.Id, c => c.OrganizationId);
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

        var fieldIds = await SeedFieldsAsync(db, random, ids);
        await ConversationSeeder.SeedAsync(db, random, now, conversations, fieldIds, AnyContact, organizationOf, Past);
        await SeedTwinAsync(db, fieldIds[0]);

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
        // Whoever named someone in a meeting is who referred them, as the app records it for people added from a meeting,
        // so the insights' referral tree has its chains at this size too.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "Contacts" SET "ReferredById" = (SELECT MIN(v."ContactId") FROM "Referrals" AS r JOIN "Conversations" AS v ON v."Id" = r."ConversationId"
                WHERE r."ContactId" = "Contacts"."Id" AND v."ContactId" <> "Contacts"."Id")
            WHERE "OwnerId" = {0} AND EXISTS (SELECT 1 FROM "Referrals" AS r WHERE r."ContactId" = "Contacts"."Id")
            """, ownerId);
        // Five hundred days of use would have let PostgreSQL's autovacuum tidy up and gather statistics; seeded in a minute, ask for it.
        // VACUUM too: otherwise autovacuum works through the new rows while the pages are measured.
        if (database.IsPostgres) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        // The people table sorts by values each contact keeps (its latest stage, next task, organization's name); the app keeps them
        // on every save, and this seeder writes past the app, so it fills them once, as an import does. After the statistics:
        // without them PostgreSQL plans the per-contact lookups as if the new tables were empty, and walks them for each contact.
        await ContactSummaries.OfAccountAsync(db, ownerId);
        if (database.IsPostgres) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Contacts\"");
    }

    private static readonly string[] Fields = ["UX research", "Data analysis", "Product management", "Health informatics", "Urban planning", "Technical writing"];

    /// <summary>The career fields, three open questions each; one contact in five and one organization in four work in one.</summary>
    private static async Task<List<int>> SeedFieldsAsync(RapportDb db, Random random, IReadOnlyList<int> contactIds)
    {
        var fields = Fields.Select(name =>
        {
            var field = new CareerField { Status = CareerFieldStatus.Exploring, Description = "Learning what the work is like." };
            field.Rename(name);
            for (var i = 1; i <= 3; i++) field.OpenQuestions.Add(new OpenQuestion { Text = $"What does a {name} team need from a newcomer? ({i})" });
            return field;
        }).ToList();
        db.CareerFields.AddRange(fields);
        await db.SaveChangesAsync();
        var fieldIds = fields.Select(f => f.Id).ToList();
        int AnyField() => fieldIds[random.Next(fieldIds.Count)];
        foreach (var id in contactIds)
            if (random.Next(5) == 0) db.ContactFields.Add(new ContactField { ContactId = id, CareerFieldId = AnyField() });
        foreach (var id in await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync())
            if (random.Next(4) == 0) db.OrganizationFields.Add(new OrganizationField { OrganizationId = id, CareerFieldId = AnyField() });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return fieldIds;
    }

    /// <summary>The first contact again, as typed by hand before the import: a pair for the merge page.</summary>
    private static async Task SeedTwinAsync(RapportDb db, int fieldId)
    {
        var first = await db.Contacts.Include(c => c.Organization).OrderBy(c => c.Id).FirstAsync();
        var twin = new Contact
        {
            FirstName = first.FirstName, LastName = first.LastName, Title = first.Title, OrganizationId = first.OrganizationId,
            Notes = "Met at the career fair; said to write in the spring.",
        };
        twin.Emails.Add(new ContactEmail { Address = "twin@example.com", NormalizedAddress = "twin@example.com", Label = "work" });
        twin.Phones.Add(new ContactPhone { Number = "+1 916 555 0100" });
        twin.Tags.Add(ContactTag.Named("career fair"));
        twin.Fields.Add(new ContactField { CareerFieldId = fieldId });
        twin.RefreshSearch(first.Organization?.Name);
        db.Contacts.Add(twin);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
