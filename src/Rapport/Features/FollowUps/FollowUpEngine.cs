using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.FollowUps;

/// <summary>Keeps the person's follow-up tasks in step with the rules: builds the snapshot of facts
/// the rules read, inserts tasks for rule keys not seen before, moves the due time of open tasks
/// whose facts moved (a rescheduled meeting), and closes open rule tasks no rule wants any more (a
/// reply arrived). A task is never made twice: its rule key is unique per person.</summary>
public sealed class FollowUpEngine(RapportDb db, TimeProvider clock)
{
    private static readonly TaskKind[] ClosedWhenNoLongerWanted =
        [TaskKind.ThankYou, TaskKind.NudgeSecondPerson, TaskKind.FollowUpNoReply, TaskKind.KeepInTouch, TaskKind.ContactReferral,
         TaskKind.Promise, TaskKind.TellReferrer, TaskKind.CloseTheLoop];

    /// <summary>The rule pass. <see cref="RulePass"/> runs it after every write of the facts the rules read, and
    /// never on a page view: reading a page changes nothing. Two requests of one person can run it at once (two
    /// tabs); the unique rule key lets only one of them insert a task, and the other starts again from what is
    /// now stored. Returns what it changed, so a test can show a pass after a write finds nothing left to do.</summary>
    public async Task<RuleTaskChanges> SyncAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SyncOnceAsync();
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<RuleTaskChanges> SyncOnceAsync()
    {
        if (db.OwnerId is null) throw new InvalidOperationException("Follow-ups are kept for a signed-in person.");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == db.OwnerId);
        // An account deleted since its facts were written has nothing left to follow.
        if (user is null) return RuleTaskChanges.None;
        var now = clock.GetUtcNow().UtcDateTime;
        var cadences = await db.TagCadences.AsNoTracking().ToDictionaryAsync(c => c.TagNormalizedName, c => c.Days);
        var policy = new FollowUpPolicy(user.ThankYouHours, user.NudgeBusinessDays, user.FollowUpBusinessDays, user.KeepInTouchDays, cadences, user.WeeklyRequestGoal);
        // Forms keep the settings in range; a value out of range from elsewhere falls back to the defaults.
        if (policy.Problems().Count > 0) policy = FollowUpPolicy.Default with { KeepInTouchByTag = cadences };
        var snapshot = await SnapshotAsync(now, TimeZones.FindOrUtc(user.TimeZoneId), policy);
        var wanted = FollowUpRules.Evaluate(snapshot).ToDictionary(s => s.RuleKey);

        // Only the open tasks can move or close, so only they are tracked: a long search has thousands done. Every key,
        // done or in the trash, is read as text: a task is never made twice, and tasks of what is in the trash are left
        // as they are, to come back with it.
        var open = await db.FollowUpTasks.Where(t => t.RuleKey != null && t.DoneAtUtc == null && t.DismissedAtUtc == null).ToListAsync();
        var everyKey = (await db.FollowUpTasks.IgnoreQueryFilters(RapportDb.TrashOnly).Where(t => t.RuleKey != null)
            .Select(t => t.RuleKey!).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var (added, moved, closed) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var spec in wanted.Values.Where(s => !everyKey.Contains(s.RuleKey)))
        {
            added.Add(spec.RuleKey);
            db.FollowUpTasks.Add(new FollowUpTask
            {
                RuleKey = spec.RuleKey, Kind = spec.Kind, ContactId = spec.ContactId, ConversationId = spec.ConversationId,
                Title = Folding.Truncate(spec.Title, FollowUpTask.TitleMaxLength), DueUtc = spec.DueUtc, AllDay = spec.AllDay,
            });
        }
        foreach (var task in open)
        {
            if (wanted.TryGetValue(task.RuleKey!, out var spec))
            {
                if (task.DueUtc != spec.DueUtc)
                {
                    moved.Add(task.RuleKey!);
                    task.DueUtc = spec.DueUtc;
                    task.SnoozedUntilUtc = null;
                }
            }
            else if (ClosedWhenNoLongerWanted.Contains(task.Kind))
            {
                closed.Add(task.RuleKey!);
                task.DismissedAtUtc = now;
            }
        }
        await db.SaveChangesAsync();
        return new RuleTaskChanges(added, moved, closed);
    }

    /// <summary>Sending the message a task asks for does the task: the thank-you, the follow-up, the
    /// keep-in-touch or close-the-loop message, or the promised material. A promise marked done here is a fact
    /// like any other: the rule pass follows the save.</summary>
    public async Task CompleteForMessageAsync(int contactId, int? conversationId, TemplatePurpose purpose, int? promiseId)
    {
        var kinds = purpose switch
        {
            TemplatePurpose.ThankYou => [TaskKind.ThankYou],
            TemplatePurpose.FollowUp => [TaskKind.FollowUpNoReply],
            TemplatePurpose.KeepInTouch => [TaskKind.KeepInTouch, TaskKind.TellReferrer],
            TemplatePurpose.CloseTheLoop => [TaskKind.CloseTheLoop],
            // A request to a referred person is the referral followed up.
            TemplatePurpose.Request or TemplatePurpose.IntroductionRequest => [TaskKind.ContactReferral],
            _ => Array.Empty<TaskKind>(),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.FollowUpTasks.Where(t => t.ContactId == contactId && t.DoneAtUtc == null && t.DismissedAtUtc == null
            && kinds.Contains(t.Kind) && (conversationId == null || t.ConversationId == null || t.ConversationId == conversationId
                || t.Kind == TaskKind.ContactReferral)).ToListAsync();
        foreach (var task in open) task.DoneAtUtc = now;
        if (purpose == TemplatePurpose.CoverNote && promiseId is int id)
        {
            var promise = await db.Promises.FirstOrDefaultAsync(p => p.Id == id);
            if (promise is not null) promise.DoneAtUtc ??= now;
        }
        await db.SaveChangesAsync();
    }

    private async Task<FollowUpSnapshot> SnapshotAsync(DateTime now, TimeZoneInfo zone, FollowUpPolicy policy)
    {
        var conversations = await db.Conversations.AsNoTracking()
            .Select(c => new { c.Id, c.ContactId, c.Stage, c.MeetingStartUtc, c.DurationMinutes })
            .ToListAsync();
        var thanked = await db.OutreachAttempts.AsNoTracking().Where(a => a.Purpose == TemplatePurpose.ThankYou && a.ConversationId != null)
            .Select(a => a.ConversationId!.Value).Distinct().ToHashSetAsync();
        var conversationFacts = conversations.Select(c => new ConversationFacts(c.Id, c.ContactId, c.Stage,
            c.MeetingStartUtc?.AddMinutes(c.DurationMinutes), thanked.Contains(c.Id))).ToList();

        // Which rows to read is said in SQL, never as a list of ids: EF expands a list into one parameter per id, and
        // for the thousands of a long search that expansion alone took seconds of processor time on every save.
        var requestsSent = db.OutreachAttempts
            .Where(a => (a.Purpose == TemplatePurpose.Request || a.Purpose == TemplatePurpose.IntroductionRequest) && a.ConversationId != null);
        var requests = await requestsSent.AsNoTracking()
            .Select(a => new { a.Id, ConversationId = a.ConversationId!.Value, a.ContactId, a.SentAtUtc })
            .ToListAsync();
        // IN over a subquery: the database gathers the ids once; a correlated EXISTS probed the requests for every contact.
        var organizations = await db.Contacts.AsNoTracking().Where(c => requestsSent.Select(a => a.ContactId).Contains(c.Id))
            .Select(c => new { c.Id, c.OrganizationId }).ToDictionaryAsync(c => c.Id, c => c.OrganizationId);
        var replies = await db.Replies.AsNoTracking().Select(r => new ReplyFacts(r.ConversationId, r.AtUtc, r.Kind)).ToListAsync();
        var promises = await db.Promises.AsNoTracking()
            .Select(p => new { p.Id, p.ConversationId, p.Text, p.DoneAtUtc }).ToListAsync();
        var referrals = await db.Referrals.AsNoTracking().Select(r => new { r.Id, r.ConversationId, r.ContactId }).ToListAsync();
        var contactOf = conversations.ToDictionary(c => c.Id, c => c.ContactId);
        var heldContacts = conversations.Where(c => c.Stage is ConversationStage.Held or ConversationStage.Thanked or ConversationStage.Closed)
            .Select(c => c.ContactId).ToHashSet();

        // The contacts any rule speaks about: those with conversations, referrals or outcomes.
        var outcomes = await db.SearchOutcomes.AsNoTracking().ToListAsync();
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => db.Conversations.Select(v => v.ContactId).Contains(c.Id) || db.Referrals.Select(r => r.ContactId).Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, c.OrganizationId, c.DoNotContact, c.LastContactedOn,
                Tags = c.Tags.Select(t => t.NormalizedName).ToList(),
            })
            .ToListAsync();
        var lastMessage = (await db.OutreachAttempts.AsNoTracking().GroupBy(a => a.ContactId)
            .Select(g => new { g.Key, Last = g.Max(a => a.SentAtUtc) }).ToListAsync()).ToDictionary(x => x.Key, x => x.Last);
        var lastReply = (await db.Replies.AsNoTracking().GroupBy(r => r.ContactId)
            .Select(g => new { g.Key, Last = g.Max(r => r.AtUtc) }).ToListAsync()).ToDictionary(x => x.Key, x => x.Last);
        var lastMeeting = conversations.Where(c => heldContacts.Contains(c.ContactId) && c.MeetingStartUtc is not null)
            .GroupBy(c => c.ContactId).ToDictionary(g => g.Key, g => g.Max(c => c.MeetingStartUtc!.Value.AddMinutes(c.DurationMinutes)));

        DateTime? LastInteraction(int id, DateOnly? lastContacted)
        {
            var candidates = new[]
            {
                lastMessage.TryGetValue(id, out var m) ? m : (DateTime?)null,
                lastReply.TryGetValue(id, out var r) ? r : null,
                lastMeeting.TryGetValue(id, out var meeting) ? meeting : null,
                lastContacted is DateOnly d ? TimeZones.ToUtc(d.ToDateTime(new TimeOnly(12, 0)), zone) : null,
            };
            return candidates.Max();
        }

        var contactFacts = contacts.Select(c => new ContactFacts(c.Id, Contact.FullNameOf(c.FirstName, c.LastName),
            c.OrganizationId, c.DoNotContact, c.Tags, LastInteraction(c.Id, c.LastContactedOn), heldContacts.Contains(c.Id))).ToList();
        var referrerOf = referrals.ToDictionary(r => r.Id, r => contactOf.GetValueOrDefault(r.ConversationId));
        var talkedWith = heldContacts.ToList();
        var referrers = referrals.Select(r => contactOf.GetValueOrDefault(r.ConversationId)).Where(id => id != 0).Distinct().ToList();

        return new FollowUpSnapshot(
            now, zone, policy, conversationFacts,
            requests.Select(r => new RequestSent(r.Id, r.ConversationId, r.ContactId, organizations.GetValueOrDefault(r.ContactId), r.SentAtUtc)).ToList(),
            replies,
            promises.Select(p => new PromiseFacts(p.Id, p.ConversationId, contactOf.GetValueOrDefault(p.ConversationId), p.Text, p.DoneAtUtc is not null)).ToList(),
            referrals.Select(r => new ReferralFacts(r.Id, r.ConversationId, referrerOf[r.Id], r.ContactId, heldContacts.Contains(r.ContactId))).ToList(),
            contactFacts,
            outcomes.Select(o => new OutcomeFacts(o.Id, o.RecordedAtUtc, talkedWith, referrers)).ToList());
    }
}
