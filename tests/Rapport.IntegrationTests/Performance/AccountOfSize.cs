using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Performance;

/// <summary>An account of a given size in the benchmark's proportions (per 1,000 contacts: 333 organizations,
/// 3,000 notes, 167 conversations, 667 follow-up tasks, a fifth of the past ones still open; one contact in five in a
/// career field; one in a hundred contacts and conversations in the trash), from a fixed seed, written in bulk so a
/// test can afford 10,000. What is ahead does not grow with the network: the same forty tasks due in the coming two
/// months, the same eight requests waiting and eight meetings planned.</summary>
public static class AccountOfSize
{
    /// <summary>What the pages are about: a contact in the middle of the alphabet (and another, for the merge page), the
    /// words of a search that matches the same few people at every size, and a career field, an organization and a
    /// conversation that hold as much at every size (so what their pages read may grow only with the account).</summary>
    public sealed record Subjects(int Contact, int Other, string MiddleName, string RareSearch, int Field, int Organization, int Conversation);

    /// <summary>People in the measured career field, at the measured organization, and who left it, at every size.</summary>
    public const int PeopleInField = 40, PeopleAtOrganization = 5, FormerlyAtOrganization = 3;
    private const string MeasuredOrganization = "Measured Organization";

    private static readonly string[] First = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luis",
        "Mara", "Nils", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tomas", "Uma", "Vik", "Wen", "Yara", "Zoe"];
    private static readonly string[] Last = ["Abbott", "Baker", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Huang", "Ito", "Jensen", "Kim",
        "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Young", "Zhang"];
    /// <summary>A search that has gone on a while: most conversations are over; a handful wait for a reply or a meeting,
    /// however large the network (what grows with it is history, not this week's work).</summary>
    private static readonly ConversationStage[] PastStages =
    [
        ConversationStage.Idea, ConversationStage.Held, ConversationStage.Held, ConversationStage.Held, ConversationStage.Held,
        ConversationStage.Thanked, ConversationStage.Closed, ConversationStage.Declined, ConversationStage.NoReply,
    ];

    private const int Waiting = 8;
    private const int UpcomingTasks = 40;

    public static async Task<Subjects> SeedAsync(RapportApp app, string ownerId, int contacts, int seed)
    {
        var random = new Random(seed);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        DateTime Past() => now.AddDays(-random.NextDouble() * 500);
        return await app.WithDbAsync(ownerId, async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var fields = Enumerable.Range(0, 6).Select(i => { var f = new CareerField(); f.Rename($"Field {i}"); return f; }).ToList();
            var measuredField = new CareerField();
            measuredField.Rename("Measured field");
            db.CareerFields.AddRange([.. fields, measuredField]);
            await db.SaveChangesAsync();

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var names = Enumerable.Range(0, Math.Max(1, contacts / 3)).Select(i => $"Organization {i:D5}").ToList();
                var organizations = await ContactBulkInsert.OrganizationsAsync(db,
                    names.Append(MeasuredOrganization).Select(n => new ContactBulkInsert.NewOrganization(Folding.Fold(n), n)).ToList(), now);
                var people = new List<Contact>(contacts);
                for (var i = 0; i < contacts; i++)
                {
                    var organization = i is >= 3 and < 3 + PeopleAtOrganization ? MeasuredOrganization : names[random.Next(names.Count)];
                    var person = new Contact
                    {
                        FirstName = First[random.Next(First.Length)], LastName = $"{Last[random.Next(Last.Length)]} {i:D5}",
                        Title = "Analyst", City = "Lisbon", OrganizationId = organizations[Folding.Fold(organization)], Source = ContactSource.LinkedIn,
                    };
                    // The same three people carry a rare word whatever the size, so a search for it finds three.
                    if (i < 3) person.LastName = $"Quillfeather {i}";
                    for (var n = 0; n < 3; n++)
                        person.Events.Add(new ContactEvent { Kind = ContactEventKind.Interaction, OccurredAtUtc = Past(), Text = "Coffee and a chat" });
                    person.RefreshSearch(organization);
                    people.Add(person);
                }
                await ContactBulkInsert.ContactsAsync(db, people, now);
                await transaction.CommitAsync();
                var ids = people.Select(p => p.Id).ToList();
                int Any() => ids[random.Next(ids.Count)];

                foreach (var id in ids.Where((_, i) => i % 5 == 0))
                    db.ContactFields.Add(new ContactField { ContactId = id, CareerFieldId = fields[random.Next(fields.Count)].Id });
                // Spread over the alphabet, so a page that walks every contact in name order to find the field's would show it.
                foreach (var id in ids.Where((_, i) => i % 5 == 1).Take(PeopleInField))
                    db.ContactFields.Add(new ContactField { ContactId = id, CareerFieldId = measuredField.Id });
                db.OrganizationFields.Add(new OrganizationField { OrganizationId = organizations[Folding.Fold(MeasuredOrganization)], CareerFieldId = measuredField.Id });
                for (var i = 0; i < contacts / 6; i++)
                {
                    var stage = i < Waiting ? ConversationStage.Requested : i < 2 * Waiting ? ConversationStage.Scheduled : PastStages[random.Next(PastStages.Length)];
                    var changed = stage == ConversationStage.Requested ? now.AddDays(-random.NextDouble() * 5) : now.AddDays(-14 - random.NextDouble() * 500);
                    var conversation = new Conversation
                    {
                        ContactId = Any(), Stage = stage, StageChangedAtUtc = changed,
                        MeetingStartUtc = stage == ConversationStage.Scheduled ? now.AddDays(random.NextDouble() * 30) : stage is ConversationStage.Held ? changed : null,
                    };
                    conversation.Fields.Add(new ConversationField { CareerFieldId = (i is >= Waiting * 2 and < Waiting * 2 + 4 ? measuredField : fields[random.Next(fields.Count)]).Id });
                    db.Conversations.Add(conversation);
                }
                for (var i = 0; i < contacts * 2 / 3; i++)
                {
                    // History before today, most of it done; the same few tasks ahead at every size.
                    var due = (i < UpcomingTasks ? now.AddDays(1 + random.NextDouble() * 60) : now.AddDays(-random.NextDouble() * 400)).Date.AddHours(9);
                    db.FollowUpTasks.Add(new FollowUpTask
                    {
                        Kind = TaskKind.Own, ContactId = Any(), Title = "Send the article", DueUtc = due, AllDay = true,
                        DoneAtUtc = due < now && random.NextDouble() < 0.8 ? due.AddHours(5) : null,
                    });
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                foreach (var conversation in await db.Conversations.Select(c => new { c.Id, c.ContactId, c.StageChangedAtUtc }).ToListAsync())
                    db.OutreachAttempts.Add(new OutreachAttempt
                    {
                        ContactId = conversation.ContactId, ConversationId = conversation.Id, Channel = Channel.Email, Purpose = TemplatePurpose.Request,
                        Body = "Would you have 20 minutes?", SentAtUtc = conversation.StageChangedAtUtc,
                    });
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();

                // Jobs left: one contact in ten left one somewhere, and the same few left the measured organization at every size.
                for (var i = 0; i < ids.Count; i++)
                {
                    var left = i is >= 3 + PeopleAtOrganization and < 3 + PeopleAtOrganization + FormerlyAtOrganization ? MeasuredOrganization
                        : i % 10 == 2 ? names[random.Next(names.Count)] : null;
                    if (left is null) continue;
                    var position = PastPosition.At(left, "Analyst", Past());
                    position.ContactId = ids[i];
                    db.PastPositions.Add(position);
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();

                // One in a hundred in the trash, so every query pays for leaving them out.
                await db.Database.ExecuteSqlAsync($"""UPDATE "Contacts" SET "DeletedAtUtc" = {now} WHERE "OwnerId" = {ownerId} AND "Id" % 100 = 7""");
                await db.Database.ExecuteSqlAsync($"""UPDATE "Conversations" SET "DeletedAtUtc" = {now} WHERE "OwnerId" = {ownerId} AND "Id" % 100 = 7""");
                // VACUUM too: the contacts' sort values were filled by updates after the rows were written, and until a vacuum the dead
                // versions and the trigram index's pending entries they left are read by every query (autovacuum would clear them in use).
                if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");

                var middle = await db.Contacts.OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Skip(db.Contacts.Count() / 2)
                    .Select(c => new { c.Id, c.FirstName, c.LastName }).FirstAsync();
                // A past conversation with its request, in the measured field and out of the trash (the field has four).
                var conversationId = await db.Conversations.Where(c => c.Fields.Any(f => f.CareerFieldId == measuredField.Id))
                    .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
                return new Subjects(middle.Id, ids[1] == middle.Id ? ids[2] : ids[1], $"{middle.FirstName} {middle.LastName}", "Quillfeather",
                    measuredField.Id, organizations[Folding.Fold(MeasuredOrganization)], conversationId);
            }
        });
    }
}
