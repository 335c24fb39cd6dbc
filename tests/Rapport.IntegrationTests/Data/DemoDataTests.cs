using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

/// <summary>The sample account tells one story in time: every stage change comes with what caused it (the request
/// sent, the reply, the meeting's end) and after the contact was added, none lies in the future, and each
/// conversation's history runs as a chain to the stage it is at.</summary>
public class DemoDataTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task In_the_sample_account_no_stage_change_is_dated_before_what_caused_it()
    {
        var person = await _app.SignUpAsync();
        await _app.Services.RunOutsideRequestAsync(person.Id, services => services.GetRequiredService<DemoData>().AddSampleContactsAsync());
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var conversations = await _app.WithDbAsync(person.Id, db => db.Conversations.AsNoTracking().Include(c => c.StageChanges)
            .Include(c => c.Promises).Include(c => c.Referrals).ToListAsync());
        var messages = await _app.WithDbAsync(person.Id, db => db.OutreachAttempts.AsNoTracking().ToListAsync());
        var replies = await _app.WithDbAsync(person.Id, db => db.Replies.AsNoTracking().ToListAsync());
        var added = await _app.WithDbAsync(person.Id, db => db.ContactEvents.AsNoTracking().Where(e => e.Kind == ContactEventKind.Added)
            .ToDictionaryAsync(e => e.ContactId, e => e.OccurredAtUtc));
        Assert.Equal(4, conversations.Count);

        foreach (var c in conversations)
        {
            var history = c.StageChanges.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).ToList();
            Assert.Null(history[0].From);
            Assert.True(history[0].AtUtc >= added[c.ContactId], $"{c.Id} was planned before its contact was added");
            for (var i = 1; i < history.Count; i++) Assert.Equal(history[i - 1].To, history[i].From);
            Assert.Equal(c.Stage, history[^1].To);
            Assert.Equal(history[^1].AtUtc, c.StageChangedAtUtc);
            Assert.All(history, s => Assert.True(s.AtUtc <= now, $"a change of {c.Id} is dated in the future"));
            foreach (var change in history.Skip(1))
            {
                DateTime? cause = change.To switch
                {
                    ConversationStage.Requested => messages.Where(m => m.ConversationId == c.Id && m.Purpose == TemplatePurpose.Request).Min(m => (DateTime?)m.SentAtUtc),
                    ConversationStage.Scheduled => replies.Where(r => r.ConversationId == c.Id && r.Kind == ReplyKind.Accepted).Min(r => (DateTime?)r.AtUtc),
                    ConversationStage.Declined => replies.Where(r => r.ConversationId == c.Id && r.Kind == ReplyKind.Declined).Min(r => (DateTime?)r.AtUtc),
                    ConversationStage.Held => c.MeetingEndUtc,
                    _ => null,
                };
                Assert.True(cause is not null, $"nothing caused {c.Id}'s move to {change.To}");
                Assert.True(change.AtUtc >= cause, $"{c.Id} moved to {change.To} at {change.AtUtc:u}, before what caused it ({cause:u})");
                // ...and with it, not weeks later when the sample was loaded.
                Assert.True(change.AtUtc - cause <= TimeSpan.FromDays(1), $"{c.Id} moved to {change.To} at {change.AtUtc:u}, long after what caused it ({cause:u})");
            }
            // Messages and replies come after the conversation was planned, and what was said in a meeting during it.
            Assert.All(messages.Where(m => m.ConversationId == c.Id), m => Assert.True(m.SentAtUtc >= history[0].AtUtc));
            Assert.All(replies.Where(r => r.ConversationId == c.Id), r => Assert.True(r.AtUtc > messages.Where(m => m.ConversationId == c.Id).Min(m => m.SentAtUtc)));
            if (c.Stage == ConversationStage.Held)
            {
                Assert.All(c.Promises.Select(p => p.CreatedAtUtc).Concat(c.Referrals.Select(r => r.CreatedAtUtc)),
                    at => Assert.InRange(at, c.MeetingStartUtc!.Value, c.MeetingEndUtc!.Value));
                Assert.Equal((c.MeetingStartUtc, c.MeetingEndUtc), (c.StartedAtUtc, c.EndedAtUtc));
            }
        }
    }
}
