using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.FollowUps;

/// <summary>How each asked contact answered their first request: on the contact's page, and summed up
/// by how the person knows them on the follow-ups page, so they learn whom to ask first.</summary>
public sealed class WhoAnswers(RapportDb db, TimeProvider clock)
{
    private static readonly TemplatePurpose[] Requests = [TemplatePurpose.Request, TemplatePurpose.IntroductionRequest];

    /// <param name="QuickWithin">The person's nudge mark in business days: answers by then are quick.</param>
    public sealed record Answer(int ContactId, ContactSource? Source, Responsiveness Speed, int? BusinessDaysToAnswer, int QuickWithin)
    {
        public string Description => Speed switch
        {
            Responsiveness.Quick => $"Answered within {QuickWithin} business days",
            Responsiveness.Late => $"Answered after {BusinessDaysToAnswer} business days",
            Responsiveness.Never => "Never answered",
            _ => "Waiting for an answer",
        };
    }

    /// <summary>Every contact who was sent a request; one contact when <paramref name="contactId"/> is given.
    /// Three queries whatever the number of contacts.</summary>
    public async Task<IReadOnlyList<Answer>> LoadAsync(int? contactId = null)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == db.OwnerId)
            .Select(u => new { u.TimeZoneId, u.NudgeBusinessDays, u.FollowUpBusinessDays }).FirstAsync();
        var policy = PolicyOf(user.NudgeBusinessDays, user.FollowUpBusinessDays);
        var zone = TimeZones.FindOrUtc(user.TimeZoneId);

        var attempts = db.OutreachAttempts.AsNoTracking().Where(a => Requests.Contains(a.Purpose));
        var replies = db.Replies.AsNoTracking();
        if (contactId is int id)
        {
            attempts = attempts.Where(a => a.ContactId == id);
            replies = replies.Where(r => r.ContactId == id);
        }
        var firstRequests = await attempts.GroupBy(a => a.ContactId)
            .Select(g => new { ContactId = g.Key, First = g.Min(a => a.SentAtUtc) })
            .Join(db.Contacts.AsNoTracking(), f => f.ContactId, c => c.Id, (f, c) => new { f.ContactId, f.First, c.Source })
            .ToListAsync();
        var byContact = (await replies.Select(r => new { r.ContactId, r.Kind, r.AtUtc }).ToListAsync())
            .ToLookup(r => r.ContactId);

        var now = clock.GetUtcNow().UtcDateTime;
        return firstRequests.Select(f =>
        {
            var mine = byContact[f.ContactId];
            var answered = mine.Where(r => r.Kind != ReplyKind.NoReply && r.AtUtc >= f.First)
                .Select(r => (DateTime?)r.AtUtc).Min();
            return Classify(f.ContactId, f.Source, f.First, answered, mine.Any(r => r.Kind == ReplyKind.NoReply), now, zone, policy);
        }).ToList();
    }

    /// <summary>The policy a person's settings make, or the default when they are out of range.</summary>
    public static FollowUpPolicy PolicyOf(int nudgeBusinessDays, int followUpBusinessDays)
    {
        var policy = FollowUpPolicy.Default with { NudgeBusinessDays = nudgeBusinessDays, FollowUpBusinessDays = followUpBusinessDays };
        return policy.Problems().Count > 0 ? FollowUpPolicy.Default : policy;
    }

    public static Answer Classify(int contactId, ContactSource? source, DateTime firstRequestUtc, DateTime? firstAnswerUtc, bool loggedNoReply,
        DateTime nowUtc, TimeZoneInfo zone, FollowUpPolicy policy)
    {
        var speed = ReplySpeed.Classify(firstRequestUtc, firstAnswerUtc, loggedNoReply, nowUtc, zone, policy);
        return new Answer(contactId, source, speed, DaysToAnswer(firstRequestUtc, firstAnswerUtc, zone), policy.NudgeBusinessDays);
    }

    /// <summary>Business days from the first request to the first answer on the person's calendar; null without an answer.</summary>
    public static int? DaysToAnswer(DateTime firstRequestUtc, DateTime? firstAnswerUtc, TimeZoneInfo zone) => firstAnswerUtc is DateTime at
        ? BusinessDays.BusinessDaysBetween(BusinessDays.LocalDate(firstRequestUtc, zone), BusinessDays.LocalDate(at, zone))
        : null;
}
