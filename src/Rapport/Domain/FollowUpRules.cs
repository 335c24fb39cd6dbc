namespace Rapport.Domain;

/// <summary>The rules that make follow-up tasks, as a pure function of a snapshot.</summary>
/// <remarks>
/// <see cref="Evaluate"/> returns the desired set of rule-made tasks. The app inserts a spec whose key it has
/// never stored, moves an open task whose due time changed, and treats an open rule-made task whose key is no
/// longer returned as no longer needed, and closes it: a reply or a stage change ends a nudge or follow-up, a
/// sent thank-you ends its task, a newer interaction supersedes a keep-in-touch task, and "do not contact" ends
/// every task that would have the person write to that contact. So the snapshot must hold all of the person's
/// facts, never a page of them. A nudge is the one task kept for a do-not-contact contact: it is about writing
/// to someone else.
/// </remarks>
public static class FollowUpRules
{
    /// <summary>The local time a task that falls on a date is due.</summary>
    public static readonly TimeOnly DueTime = new(9, 0);

    public const int PromiseBusinessDays = 2;
    public const int ReferralBusinessDays = 3;

    /// <summary>The tasks the facts call for, sorted by due time, then key. Throws when the policy has problems.</summary>
    public static IReadOnlyList<TaskSpec> Evaluate(FollowUpSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = snapshot.Policy.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(snapshot));
        var facts = new Facts(snapshot);
        return ThankYous(facts)
            .Concat(Unanswered(facts))
            .Concat(Promises(facts))
            .Concat(Referrals(facts))
            .Concat(KeepInTouch(facts))
            .Concat(CloseTheLoop(facts))
            .OrderBy(t => t.DueUtc)
            .ThenBy(t => t.RuleKey, StringComparer.Ordinal)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            // Facts repeated in the snapshot must still not make a task twice.
            .DistinctBy(t => t.RuleKey)
            .ToList();
    }

    private static IEnumerable<TaskSpec> ThankYous(Facts f)
    {
        foreach (var c in f.Snapshot.Conversations)
        {
            if (c.Stage != ConversationStage.Held || c.ThankYouSent || c.MeetingEndUtc is not { } end) continue;
            if (f.Writable(c.ContactId) is not { } who) continue;
            yield return new TaskSpec(Key($"thank-you:{c.Id}"), TaskKind.ThankYou, who.Id, c.Id,
                $"Send a thank-you note to {FullName(who)}", ThankYouDeadline.Due(end, f.Snapshot.Policy.ThankYouHours), AllDay: false);
        }
    }

    private static IEnumerable<TaskSpec> Unanswered(Facts f)
    {
        var policy = f.Snapshot.Policy;
        foreach (var attempts in f.Snapshot.Requests.GroupBy(r => r.ConversationId))
        {
            // "No reply" logged is exactly when a follow-up is needed: the chase goes on in that stage too.
            if (f.Conversation(attempts.Key) is not { Stage: ConversationStage.Requested or ConversationStage.NoReply }) continue;
            var latest = attempts.MaxBy(r => (r.SentUtc, r.AttemptId))!;
            foreach (var r in attempts)
            {
                // A reply answers the requests sent before it, not a new request sent after (asked again later).
                if (f.RepliedSince(r.ConversationId, r.SentUtc) || f.Contact(r.ContactId) is not { } who) continue;
                if (r.OrganizationId is not null)
                    yield return new TaskSpec(Key($"nudge:{r.AttemptId}"), TaskKind.NudgeSecondPerson, who.Id, r.ConversationId,
                        $"No reply yet from {FullName(who)}: reach out to someone else at their organization too",
                        f.DueOn(BusinessDays.DueDate(r.SentUtc, policy.NudgeBusinessDays, f.Snapshot.Zone)), AllDay: true);
                // Only the latest attempt is followed up: an earlier one was already followed by another.
                if (r == latest && !who.DoNotContact)
                    yield return new TaskSpec(Key($"follow-up:{r.AttemptId}"), TaskKind.FollowUpNoReply, who.Id, r.ConversationId,
                        $"Follow up with {FullName(who)}: no reply yet",
                        f.DueOn(BusinessDays.DueDate(r.SentUtc, policy.FollowUpBusinessDays, f.Snapshot.Zone)), AllDay: true);
            }
        }
    }

    private static IEnumerable<TaskSpec> Promises(Facts f)
    {
        foreach (var p in f.Snapshot.Promises)
        {
            if (p.Done || f.Writable(p.ContactId) is not { } who) continue;
            yield return new TaskSpec(Key($"promise:{p.Id}"), TaskKind.Promise, who.Id, p.ConversationId,
                $"Send {FirstName(who)} what you promised: {p.Text.Trim()}",
                f.BusinessDaysAfter(f.MeetingEndOrNow(p.ConversationId), PromiseBusinessDays), AllDay: true);
        }
    }

    private static IEnumerable<TaskSpec> Referrals(Facts f)
    {
        foreach (var r in f.Snapshot.Referrals)
        {
            var referrer = f.Contact(r.ReferrerContactId);
            if (!r.ReferredConversationHeld)
            {
                // Someone the person already talked with needs no introduction.
                if (f.Writable(r.ReferredContactId) is not { HadHeldConversation: false } referred) continue;
                var by = referrer is null ? "" : $" (referred by {FullName(referrer)})";
                yield return new TaskSpec(Key($"referral:{r.Id}"), TaskKind.ContactReferral, referred.Id, r.ConversationId,
                    $"Contact {FullName(referred)}{by}",
                    f.BusinessDaysAfter(f.MeetingEndOrNow(r.ConversationId), ReferralBusinessDays), AllDay: true);
            }
            else if (referrer is { DoNotContact: false } && f.Contact(r.ReferredContactId) is { } referred)
            {
                yield return new TaskSpec(Key($"tell-referrer:{r.Id}"), TaskKind.TellReferrer, referrer.Id, r.ConversationId,
                    $"Tell {FirstName(referrer)} you talked with {FirstName(referred)}",
                    f.BusinessDaysAfter(TalkedAnchor(f, r), 1), AllDay: true);
            }
        }
    }

    // The later of the referral's meeting and the first meeting held with the referred person after it, so the
    // referrer hears soon after the talk; the earliest such meeting, so later talks do not move the task.
    private static DateTime TalkedAnchor(Facts f, ReferralFacts r)
    {
        var referralEnd = f.Conversation(r.ConversationId)?.MeetingEndUtc;
        var talked = f.HeldMeetingEnds(r.ReferredContactId).Where(end => referralEnd is null || end >= referralEnd).ToList();
        return talked.Count > 0 ? talked.Min() : referralEnd ?? f.Snapshot.NowUtc;
    }

    private static IEnumerable<TaskSpec> KeepInTouch(Facts f)
    {
        foreach (var c in f.Snapshot.Contacts)
        {
            if (!c.HadHeldConversation || c.DoNotContact || c.LastInteractionUtc is not { } last) continue;
            if (f.Snapshot.Policy.KeepInTouchFor(c.FoldedTags) is not { } days) continue;
            var lastDate = BusinessDays.LocalDate(last, f.Snapshot.Zone);
            // Keyed by the day of the last interaction: a newer one makes a new task and supersedes the old.
            yield return new TaskSpec(Key($"keep-in-touch:{c.Id}:{lastDate:yyyyMMdd}"), TaskKind.KeepInTouch, c.Id, null,
                $"Keep in touch with {FullName(c)}", f.DueOn(lastDate.AddDays(days)), AllDay: true);
        }
    }

    private static IEnumerable<TaskSpec> CloseTheLoop(Facts f)
    {
        foreach (var o in f.Snapshot.Outcomes)
        {
            var due = f.BusinessDaysAfter(o.RecordedUtc, 1);
            foreach (var id in o.TalkedWithContactIds.Concat(o.ReferrerContactIds).Distinct())
            {
                if (f.Writable(id) is not { } who) continue;
                yield return new TaskSpec(Key($"close-loop:{o.Id}:{id}"), TaskKind.CloseTheLoop, who.Id, null,
                    $"Tell {FirstName(who)} how your search turned out", due, AllDay: true);
            }
        }
    }

    // Invariant so that a key never depends on the server's culture.
    private static string Key(FormattableString key) => FormattableString.Invariant(key);

    private static string FullName(ContactFacts contact) => contact.Name.Trim();

    // The first word that is not a title such as "Dr.", so a note reads "Tell Amara", not "Tell Dr.".
    private static string FirstName(ContactFacts contact)
    {
        var words = contact.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.FirstOrDefault(w => !w.EndsWith('.')) ?? FullName(contact);
    }

    /// <summary>The snapshot indexed for the rules.</summary>
    private sealed class Facts(FollowUpSnapshot snapshot)
    {
        private readonly Dictionary<int, ContactFacts> _contacts = ById(snapshot.Contacts, c => c.Id);
        private readonly Dictionary<int, ConversationFacts> _conversations = ById(snapshot.Conversations, c => c.Id);
        // Only an answer (yes or no) ends the chase; logging "no reply" does not.
        private readonly ILookup<int, DateTime> _replies = snapshot.Replies.Where(r => r.Kind != ReplyKind.NoReply).ToLookup(r => r.ConversationId, r => r.AtUtc);
        private readonly ILookup<int, DateTime> _heldEnds = snapshot.Conversations
            .Where(c => c.Stage is ConversationStage.Held or ConversationStage.Thanked or ConversationStage.Closed)
            .Where(c => c.MeetingEndUtc is not null)
            .ToLookup(c => c.ContactId, c => c.MeetingEndUtc!.Value);

        public FollowUpSnapshot Snapshot { get; } = snapshot;

        public ContactFacts? Contact(int id) => _contacts.GetValueOrDefault(id);

        /// <summary>The contact, unless unknown or marked "do not contact".</summary>
        public ContactFacts? Writable(int id) => Contact(id) is { DoNotContact: false } c ? c : null;

        public ConversationFacts? Conversation(int id) => _conversations.GetValueOrDefault(id);

        public bool RepliedSince(int conversationId, DateTime sentUtc) => _replies[conversationId].Any(at => at >= sentUtc);

        public IEnumerable<DateTime> HeldMeetingEnds(int contactId) => _heldEnds[contactId];

        // Without a known meeting end there is nothing steadier to count from than now.
        public DateTime MeetingEndOrNow(int conversationId) => Conversation(conversationId)?.MeetingEndUtc ?? Snapshot.NowUtc;

        public DateTime BusinessDaysAfter(DateTime utc, int days) =>
            DueOn(BusinessDays.NthBusinessDayAfter(BusinessDays.LocalDate(utc, Snapshot.Zone), days));

        public DateTime DueOn(DateOnly date) => BusinessDays.LocalToUtc(date, DueTime, Snapshot.Zone);

        // The first of repeated ids wins, rather than throwing on a snapshot with duplicates.
        private static Dictionary<int, T> ById<T>(IEnumerable<T> items, Func<T, int> id)
        {
            var byId = new Dictionary<int, T>();
            foreach (var item in items) byId.TryAdd(id(item), item);
            return byId;
        }
    }
}
