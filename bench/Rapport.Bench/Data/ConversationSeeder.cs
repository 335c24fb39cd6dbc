using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Bench.Data;

/// <summary>Conversations at every stage with what a long search hangs off them: a career field and the
/// organization of the person met; a request sent and the reply to it; for a meeting held, a question list
/// with notes, a promise, a referral, a fit rating and a reflection. Written by <see cref="ActivitySeeder"/>.</summary>
public static class ConversationSeeder
{
    private const int Questions = 6;

    private static readonly ConversationStage[] Stages =
    [
        ConversationStage.Idea, ConversationStage.Idea, ConversationStage.Requested, ConversationStage.Requested, ConversationStage.Scheduled,
        ConversationStage.Held, ConversationStage.Held, ConversationStage.Held, ConversationStage.Thanked, ConversationStage.Closed,
        ConversationStage.Declined, ConversationStage.NoReply,
    ];

    private static readonly string[] Notes =
    [
        "Mostly interviews early in the week, synthesis later.", "A portfolio of two small projects was enough to start.",
        "Certification matters less than showing the work.", "Juniors pair with a senior for their first six months.",
    ];

    public static async Task SeedAsync(RapportDb db, Random random, DateTime now, int count, IReadOnlyList<int> fieldIds,
        Func<int> anyContact, IReadOnlyDictionary<int, int?> organizationOf, Func<DateTime> past)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(2_000))
        {
            var added = new List<Conversation>();
            foreach (var _ in chunk)
            {
                var stage = Stages[random.Next(Stages.Length)];
                var created = past();
                var held = stage is ConversationStage.Held or ConversationStage.Thanked or ConversationStage.Closed;
                DateTime? meeting = stage switch
                {
                    ConversationStage.Scheduled => now.AddDays(random.NextDouble() * 30),
                    _ when held => created.AddDays(random.NextDouble() * 14) is var m && m < now ? m : now.AddHours(-1),
                    _ => null,
                };
                var contact = anyContact();
                var conversation = new Conversation
                {
                    ContactId = contact, OrganizationId = organizationOf[contact], Stage = stage, StageChangedAtUtc = created,
                    Goals = ConversationGoal.DecideFit, MeetingStartUtc = meeting, TimeZoneId = "America/New_York", Mode = MeetingMode.Video,
                    Learned = held ? "How teams hire career changers." : null,
                    StillWantToKnow = held && random.Next(2) == 0 ? "How research teams measure their impact." : null,
                    FitRating = held ? random.Next(1, 6) : null,
                };
                conversation.Fields.Add(new ConversationField { CareerFieldId = fieldIds[random.Next(fieldIds.Count)] });
                conversation.StageChanges.Add(new StageChange { From = null, To = ConversationStage.Idea, AtUtc = created });
                if (stage != ConversationStage.Idea) conversation.StageChanges.Add(new StageChange { From = ConversationStage.Idea, To = stage, AtUtc = created.AddDays(1) });
                if (held) Hold(conversation, random, meeting!.Value, anyContact());
                db.Conversations.Add(conversation);
                added.Add(conversation);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            // Messages and replies name the conversation by id, so they follow once it has one.
            foreach (var conversation in added.Where(c => c.Stage != ConversationStage.Idea))
            {
                var asked = conversation.StageChangedAtUtc.AddHours(12);
                db.OutreachAttempts.Add(new OutreachAttempt
                {
                    ContactId = conversation.ContactId, ConversationId = conversation.Id, Channel = Channel.Email, Purpose = TemplatePurpose.Request,
                    Subject = "A student's question about your work", Body = "Would you have 20 minutes for my questions about your field?", SentAtUtc = asked,
                });
                if (conversation.Stage == ConversationStage.Requested) continue;
                var kind = conversation.Stage switch { ConversationStage.Declined => ReplyKind.Declined, ConversationStage.NoReply => ReplyKind.NoReply, _ => ReplyKind.Accepted };
                db.Replies.Add(new Reply { ContactId = conversation.ContactId, ConversationId = conversation.Id, Kind = kind, AtUtc = asked.AddHours(12) });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>What a held meeting leaves: the question list from the bank with a note on each, a promise and a referral.</summary>
    private static void Hold(Conversation conversation, Random random, DateTime meeting, int referred)
    {
        var first = random.Next(QuestionBank.BuiltIn.Count - Questions);
        for (var i = 0; i < Questions; i++)
        {
            var question = QuestionBank.BuiltIn[first + i];
            conversation.Questions.Add(new ConversationQuestion
            {
                Source = "bank:" + question.Key, Text = question.Text, Part = question.Part, Position = i, Notes = Notes[random.Next(Notes.Length)],
            });
        }
        conversation.Promises.Add(new Promise
        {
            Text = "Send the link to my portfolio", CreatedAtUtc = meeting,
            DoneAtUtc = conversation.Stage == ConversationStage.Held ? null : meeting.AddDays(1),
        });
        if (referred != conversation.ContactId)
            conversation.Referrals.Add(new Referral { ContactId = referred, MayUseName = NameUse.Yes, CreatedAtUtc = meeting });
    }
}
