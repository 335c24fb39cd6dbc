using Rapport.Domain;
using static Rapport.Domain.ConversationStage;

namespace Rapport.UnitTests.Domain;

public class FollowUpRulesTests
{
    // 2026-03-02 is a Monday; "now" is Friday 2026-03-20 at noon UTC. The zone is UTC unless a test says otherwise.
    private static readonly DateTime Now = Utc(3, 20, 12);
    private static readonly DateTime MondayMeetingEnd = Utc(3, 2, 10);

    private static readonly ContactFacts Amara = Person(1, "Amara Okafor", org: 10);
    private static readonly ContactFacts Grace = Person(2, "Grace Mensah");
    private static readonly ContactFacts Kofi = Person(3, "Kofi Boateng");
    private static readonly ContactFacts Lena = Person(4, "Dr. Lena Ivers");

    private static readonly FollowUpSnapshot Empty = new(
        Now, TimeZoneInfo.Utc, FollowUpPolicy.Default, [], [], [], [], [], [Amara, Grace, Kofi, Lena], []);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static ContactFacts Person(int id, string name, int? org = null) => new(id, name, org, false, [], null, false);

    private static ContactFacts Held(ContactFacts contact, DateTime lastInteraction, params string[] tags) =>
        contact with { HadHeldConversation = true, LastInteractionUtc = lastInteraction, FoldedTags = tags };

    private static ConversationFacts Conversation(int id, ContactFacts with, ConversationStage stage, DateTime? meetingEnd = null, bool thanked = false) =>
        new(id, with.Id, stage, meetingEnd, thanked);

    private static RequestSent Request(int attemptId, int conversationId, ContactFacts to, DateTime sent) =>
        new(attemptId, conversationId, to.Id, to.OrganizationId, sent);

    private static FollowUpSnapshot WithContacts(FollowUpSnapshot snapshot, params ContactFacts[] changed) =>
        snapshot with { Contacts = [.. snapshot.Contacts.Where(c => changed.All(x => x.Id != c.Id)), .. changed] };

    private static FollowUpSnapshot DoNotContact(FollowUpSnapshot snapshot, ContactFacts contact) =>
        WithContacts(snapshot, snapshot.Contacts.Single(c => c.Id == contact.Id) with { DoNotContact = true });

    private static List<TaskSpec> Tasks(FollowUpSnapshot snapshot, TaskKind kind) =>
        [.. FollowUpRules.Evaluate(snapshot).Where(t => t.Kind == kind)];

    // One snapshot per rule, each making that rule's tasks.
    private static readonly FollowUpSnapshot ThankYouCase = Empty with { Conversations = [Conversation(5, Amara, ConversationStage.Held, MondayMeetingEnd)] };

    private static readonly FollowUpSnapshot RequestCase = Empty with
    {
        Conversations = [Conversation(6, Amara, Requested)],
        Requests = [Request(20, 6, Amara, Utc(3, 2, 9))],
    };

    private static readonly FollowUpSnapshot PromiseCase = Empty with
    {
        Conversations = [Conversation(5, Amara, Thanked, MondayMeetingEnd)],
        Promises = [new PromiseFacts(30, 5, Amara.Id, " the article on grid storage ", false)],
    };

    private static readonly FollowUpSnapshot ReferralCase = Empty with
    {
        Conversations = [Conversation(5, Amara, Thanked, MondayMeetingEnd)],
        Referrals = [new ReferralFacts(40, 5, Amara.Id, Grace.Id, false)],
    };

    private static readonly FollowUpSnapshot TellReferrerCase = WithContacts(Empty with
    {
        Conversations = [Conversation(5, Amara, Thanked, MondayMeetingEnd), Conversation(7, Grace, Thanked, Utc(3, 11, 15))],
        Referrals = [new ReferralFacts(40, 5, Amara.Id, Grace.Id, true)],
    }, Held(Grace, Utc(3, 11, 15)) with { LastInteractionUtc = null });

    private static readonly FollowUpSnapshot KeepInTouchCase = WithContacts(Empty, Held(Amara, Utc(3, 2, 15)));

    private static readonly FollowUpSnapshot CloseTheLoopCase = Empty with { Outcomes = [new OutcomeFacts(50, Utc(3, 20, 16), [Amara.Id, Grace.Id], [Grace.Id, Kofi.Id])] };

    private static readonly string[] CaseNames = ["thank-you", "request", "promise", "referral", "tell-referrer", "keep-in-touch", "close-loop"];

    public static TheoryData<string> Cases => new(CaseNames);

    private static FollowUpSnapshot Case(string name) => name switch
    {
        "thank-you" => ThankYouCase,
        "request" => RequestCase,
        "promise" => PromiseCase,
        "referral" => ReferralCase,
        "tell-referrer" => TellReferrerCase,
        "keep-in-touch" => KeepInTouchCase,
        "close-loop" => CloseTheLoopCase,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // Facts about other people, each of a kind some rule reads.
    private static FollowUpSnapshot WithUnrelatedFacts(FollowUpSnapshot s)
    {
        var noor = Held(Person(900, "Noor Haddad"), Utc(3, 1, 10), "mentor");
        var ravi = Person(901, "Ravi Menon", org: 99);
        return s with
        {
            Contacts = [.. s.Contacts, noor, ravi],
            Conversations = [.. s.Conversations, Conversation(900, noor, ConversationStage.Held, Utc(3, 1, 10)), Conversation(901, ravi, Requested)],
            Requests = [.. s.Requests, Request(900, 901, ravi, Utc(3, 3, 9))],
            Replies = [.. s.Replies, new ReplyFacts(900, Utc(3, 2, 9), ReplyKind.Accepted)],
            Promises = [.. s.Promises, new PromiseFacts(900, 900, noor.Id, "a book title", false)],
            Referrals = [.. s.Referrals, new ReferralFacts(900, 900, noor.Id, ravi.Id, false)],
            Outcomes = [.. s.Outcomes, new OutcomeFacts(900, Utc(3, 19, 10), [noor.Id], [])],
        };
    }

    [Fact]
    public void No_facts_make_no_tasks() => Assert.Empty(FollowUpRules.Evaluate(Empty));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_rule_makes_something_in_its_case(string name) => Assert.NotEmpty(FollowUpRules.Evaluate(Case(name)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluating_twice_gives_the_same_tasks(string name) =>
        Assert.Equal(FollowUpRules.Evaluate(Case(name)), FollowUpRules.Evaluate(Case(name)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unrelated_facts_change_no_existing_key_or_due(string name)
    {
        var before = FollowUpRules.Evaluate(Case(name));
        var after = FollowUpRules.Evaluate(WithUnrelatedFacts(Case(name)));
        Assert.All(before, spec => Assert.Contains(spec, after));
        Assert.True(after.Count > before.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_order_of_the_facts_does_not_matter(string name)
    {
        var s = WithUnrelatedFacts(Case(name));
        var reversed = s with
        {
            Conversations = [.. s.Conversations.Reverse()], Requests = [.. s.Requests.Reverse()], Replies = [.. s.Replies.Reverse()],
            Promises = [.. s.Promises.Reverse()], Referrals = [.. s.Referrals.Reverse()], Contacts = [.. s.Contacts.Reverse()],
            Outcomes = [.. s.Outcomes.Reverse()],
        };
        Assert.Equal(FollowUpRules.Evaluate(s), FollowUpRules.Evaluate(reversed));
    }

    [Fact]
    public void Tasks_come_sorted_by_due_time_then_key_and_keys_are_unique()
    {
        var all = CaseNames.Aggregate(Empty, (s, name) => Merge(s, Case(name)));
        var tasks = FollowUpRules.Evaluate(WithUnrelatedFacts(all));
        Assert.Equal(tasks.OrderBy(t => t.DueUtc).ThenBy(t => t.RuleKey, StringComparer.Ordinal), tasks);
        Assert.Equal(tasks.Count, tasks.Select(t => t.RuleKey).Distinct().Count());
    }

    [Fact]
    public void Repeated_facts_do_not_make_a_task_twice()
    {
        var twice = PromiseCase with { Promises = [.. PromiseCase.Promises, .. PromiseCase.Promises], Contacts = [.. Empty.Contacts, Amara] };
        Assert.Single(FollowUpRules.Evaluate(twice));
    }

    [Fact]
    public void A_policy_with_problems_is_refused() =>
        Assert.Throws<ArgumentException>(() => FollowUpRules.Evaluate(ThankYouCase with { Policy = new FollowUpPolicy(ThankYouHours: 500) }));

    // Thank-you

    [Fact]
    public void A_held_conversation_gets_a_thank_you_due_the_policy_hours_after_the_meeting()
    {
        Assert.Equal(
            [new TaskSpec("thank-you:5", TaskKind.ThankYou, Amara.Id, 5, "Send a thank-you note to Amara Okafor", Utc(3, 4, 10), AllDay: false)],
            FollowUpRules.Evaluate(ThankYouCase));
        var sooner = ThankYouCase with { Policy = new FollowUpPolicy(ThankYouHours: 24) };
        Assert.Equal(Utc(3, 3, 10), Assert.Single(FollowUpRules.Evaluate(sooner)).DueUtc);
    }

    [Theory]
    [InlineData(Idea)]
    [InlineData(Requested)]
    [InlineData(Scheduled)]
    [InlineData(Thanked)]
    [InlineData(Closed)]
    [InlineData(Declined)]
    [InlineData(Cancelled)]
    public void Only_a_held_conversation_gets_a_thank_you(ConversationStage stage) =>
        Assert.Empty(FollowUpRules.Evaluate(Empty with { Conversations = [Conversation(5, Amara, stage, MondayMeetingEnd)] }));

    [Fact]
    public void No_thank_you_once_sent_without_a_meeting_end_or_for_someone_not_to_contact()
    {
        Assert.Empty(FollowUpRules.Evaluate(Empty with { Conversations = [Conversation(5, Amara, ConversationStage.Held, MondayMeetingEnd, thanked: true)] }));
        Assert.Empty(FollowUpRules.Evaluate(Empty with { Conversations = [Conversation(5, Amara, ConversationStage.Held)] }));
        Assert.Empty(FollowUpRules.Evaluate(DoNotContact(ThankYouCase, Amara)));
    }

    [Fact]
    public void A_moved_meeting_changes_only_the_due_time_of_the_same_tasks()
    {
        var moved = Utc(3, 3, 16);
        var before = FollowUpRules.Evaluate(Merge(Merge(ThankYouCase, PromiseCase with { Conversations = [] }), ReferralCase with { Conversations = [] }));
        var after = FollowUpRules.Evaluate(Merge(Merge(ThankYouCase with { Conversations = [Conversation(5, Amara, ConversationStage.Held, moved)] },
            PromiseCase with { Conversations = [] }), ReferralCase with { Conversations = [] }));
        Assert.Equal(3, before.Count);
        Assert.Equal(before.Select(t => t with { DueUtc = default }).OrderBy(t => t.RuleKey, StringComparer.Ordinal),
            after.Select(t => t with { DueUtc = default }).OrderBy(t => t.RuleKey, StringComparer.Ordinal));
        Assert.Equal(Utc(3, 5, 16), after.Single(t => t.Kind == TaskKind.ThankYou).DueUtc);
        Assert.Equal(Utc(3, 5, 9), after.Single(t => t.Kind == TaskKind.Promise).DueUtc);
        Assert.Equal(Utc(3, 6, 9), after.Single(t => t.Kind == TaskKind.ContactReferral).DueUtc);
    }

    // Nudge and follow-up

    [Fact]
    public void An_unanswered_request_gets_a_nudge_and_a_follow_up_on_business_days()
    {
        Assert.Equal(
        [
            new TaskSpec("nudge:20", TaskKind.NudgeSecondPerson, Amara.Id, 6,
                "No reply yet from Amara Okafor: reach out to someone else at their organization too", Utc(3, 5, 9), AllDay: true),
            new TaskSpec("follow-up:20", TaskKind.FollowUpNoReply, Amara.Id, 6, "Follow up with Amara Okafor: no reply yet", Utc(3, 11, 9), AllDay: true),
        ], FollowUpRules.Evaluate(RequestCase));
    }

    [Fact]
    public void A_request_sent_after_noon_counts_from_the_next_business_day()
    {
        var afternoon = RequestCase with { Requests = [Request(20, 6, Amara, Utc(3, 2, 13))] };
        Assert.Equal(Utc(3, 6, 9), Assert.Single(Tasks(afternoon, TaskKind.NudgeSecondPerson)).DueUtc);
        Assert.Equal(Utc(3, 12, 9), Assert.Single(Tasks(afternoon, TaskKind.FollowUpNoReply)).DueUtc);
    }

    [Fact]
    public void A_request_sent_on_a_weekend_counts_from_monday()
    {
        var saturday = RequestCase with { Requests = [Request(20, 6, Amara, Utc(3, 7, 10))] };
        Assert.Equal(Utc(3, 12, 9), Assert.Single(Tasks(saturday, TaskKind.NudgeSecondPerson)).DueUtc);
        Assert.Equal(Utc(3, 18, 9), Assert.Single(Tasks(saturday, TaskKind.FollowUpNoReply)).DueUtc);
    }

    [Fact]
    public void The_policy_sets_when_the_nudge_and_follow_up_come()
    {
        var quick = RequestCase with { Policy = new FollowUpPolicy(NudgeBusinessDays: 1, FollowUpBusinessDays: 2) };
        Assert.Equal(Utc(3, 3, 9), Assert.Single(Tasks(quick, TaskKind.NudgeSecondPerson)).DueUtc);
        Assert.Equal(Utc(3, 4, 9), Assert.Single(Tasks(quick, TaskKind.FollowUpNoReply)).DueUtc);
    }

    [Fact]
    public void Nudges_and_follow_ups_fall_at_nine_local_time_in_the_persons_zone()
    {
        // Monday 09:00 EST; the follow-up falls after the change to daylight time.
        var newYork = RequestCase with
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            Requests = [Request(20, 6, Amara, Utc(3, 2, 14))],
        };
        Assert.Equal(Utc(3, 5, 14), Assert.Single(Tasks(newYork, TaskKind.NudgeSecondPerson)).DueUtc);
        Assert.Equal(Utc(3, 11, 13), Assert.Single(Tasks(newYork, TaskKind.FollowUpNoReply)).DueUtc);
    }

    [Fact]
    public void Without_an_organization_there_is_a_follow_up_but_no_nudge()
    {
        var noOrg = RequestCase with { Requests = [new RequestSent(20, 6, Amara.Id, null, Utc(3, 2, 9))] };
        Assert.Equal(["follow-up:20"], FollowUpRules.Evaluate(noOrg).Select(t => t.RuleKey));
    }

    [Theory]
    [InlineData(ReplyKind.Accepted)]
    [InlineData(ReplyKind.Declined)]
    public void An_answer_stops_the_nudge_and_follow_up(ReplyKind kind) =>
        Assert.Empty(FollowUpRules.Evaluate(RequestCase with { Replies = [new ReplyFacts(6, Utc(3, 3, 9), kind)] }));

    [Fact]
    public void Logging_no_reply_keeps_the_nudge_and_follow_up_coming() =>
        Assert.Equal(FollowUpRules.Evaluate(RequestCase).Select(t => t.RuleKey),
            FollowUpRules.Evaluate(RequestCase with { Replies = [new ReplyFacts(6, Utc(3, 3, 9), ReplyKind.NoReply)], Conversations = [Conversation(6, Amara, NoReply)] })
                .Select(t => t.RuleKey));

    [Theory]
    [InlineData(Idea)]
    [InlineData(Scheduled)]
    [InlineData(ConversationStage.Held)]
    [InlineData(Declined)]
    [InlineData(Cancelled)]
    public void A_conversation_past_requested_gets_no_nudge_or_follow_up(ConversationStage stage) =>
        Assert.Empty(FollowUpRules.Evaluate(RequestCase with { Conversations = [Conversation(6, Amara, stage)] }));

    [Fact]
    public void Only_the_latest_request_of_a_conversation_is_followed_up_but_each_gets_its_nudge()
    {
        var again = RequestCase with { Requests = [Request(20, 6, Amara, Utc(3, 2, 9)), Request(21, 6, Amara, Utc(3, 12, 9))] };
        Assert.Equal(["nudge:20", "nudge:21", "follow-up:21"], FollowUpRules.Evaluate(again).Select(t => t.RuleKey));
        Assert.Equal(Utc(3, 23, 9), Assert.Single(Tasks(again, TaskKind.FollowUpNoReply)).DueUtc);
    }

    [Fact]
    public void A_reply_answers_the_requests_before_it_not_one_sent_later()
    {
        var askedAgain = RequestCase with
        {
            Requests = [Request(20, 6, Amara, Utc(3, 2, 9)), Request(21, 6, Amara, Utc(3, 10, 9))],
            Replies = [new ReplyFacts(6, Utc(3, 3, 9), ReplyKind.Declined)],
        };
        Assert.Equal(["nudge:21", "follow-up:21"], FollowUpRules.Evaluate(askedAgain).Select(t => t.RuleKey));
    }

    [Fact]
    public void Someone_not_to_contact_gets_no_follow_up_but_the_nudge_to_ask_someone_else_stays() =>
        Assert.Equal(["nudge:20"], FollowUpRules.Evaluate(DoNotContact(RequestCase, Amara)).Select(t => t.RuleKey));

    // Promises

    [Fact]
    public void A_promise_is_due_two_business_days_after_the_meeting()
    {
        Assert.Equal(
            [new TaskSpec("promise:30", TaskKind.Promise, Amara.Id, 5, "Send Amara what you promised: the article on grid storage", Utc(3, 4, 9), AllDay: true)],
            FollowUpRules.Evaluate(PromiseCase));
        var friday = PromiseCase with { Conversations = [Conversation(5, Amara, Thanked, Utc(3, 6, 17))] };
        Assert.Equal(Utc(3, 10, 9), Assert.Single(FollowUpRules.Evaluate(friday)).DueUtc);
    }

    [Fact]
    public void A_promise_without_a_known_meeting_end_counts_from_now()
    {
        var unknown = PromiseCase with { Conversations = [Conversation(5, Amara, Thanked)] };
        Assert.Equal(Utc(3, 24, 9), Assert.Single(FollowUpRules.Evaluate(unknown)).DueUtc);
    }

    [Fact]
    public void A_kept_promise_or_one_to_someone_not_to_contact_makes_no_task()
    {
        Assert.Empty(FollowUpRules.Evaluate(PromiseCase with { Promises = [PromiseCase.Promises[0] with { Done = true }] }));
        Assert.Empty(FollowUpRules.Evaluate(DoNotContact(PromiseCase, Amara)));
    }

    [Fact]
    public void Titles_use_the_first_name_without_a_title_such_as_dr()
    {
        var toLena = PromiseCase with { Promises = [new PromiseFacts(31, 5, Lena.Id, "my resume", false)] };
        Assert.Equal("Send Lena what you promised: my resume", Assert.Single(FollowUpRules.Evaluate(toLena)).Title);
    }

    // Referrals

    [Fact]
    public void A_referral_is_to_be_contacted_three_business_days_after_the_meeting() =>
        Assert.Equal(
            [new TaskSpec("referral:40", TaskKind.ContactReferral, Grace.Id, 5, "Contact Grace Mensah (referred by Amara Okafor)", Utc(3, 5, 9), AllDay: true)],
            FollowUpRules.Evaluate(ReferralCase));

    [Fact]
    public void No_referral_task_for_someone_not_to_contact_or_already_talked_with()
    {
        Assert.Empty(FollowUpRules.Evaluate(DoNotContact(ReferralCase, Grace)));
        Assert.Empty(Tasks(WithContacts(ReferralCase, Grace with { HadHeldConversation = true }), TaskKind.ContactReferral));
    }

    [Fact]
    public void Once_the_referral_is_held_the_referrer_is_told_the_next_business_day()
    {
        Assert.Equal(
            [new TaskSpec("tell-referrer:40", TaskKind.TellReferrer, Amara.Id, 5, "Tell Amara you talked with Grace", Utc(3, 12, 9), AllDay: true)],
            FollowUpRules.Evaluate(TellReferrerCase));
    }

    [Fact]
    public void Telling_the_referrer_after_a_friday_talk_falls_on_monday()
    {
        var friday = TellReferrerCase with { Conversations = [Conversation(5, Amara, Thanked, MondayMeetingEnd), Conversation(7, Grace, Thanked, Utc(3, 13, 15))] };
        Assert.Equal(Utc(3, 16, 9), Assert.Single(FollowUpRules.Evaluate(friday)).DueUtc);
    }

    [Fact]
    public void A_later_talk_with_the_referred_person_does_not_move_telling_the_referrer()
    {
        var later = TellReferrerCase with { Conversations = [.. TellReferrerCase.Conversations, Conversation(8, Grace, ConversationStage.Held, Utc(4, 20, 15))] };
        Assert.Equal(Utc(3, 12, 9), Assert.Single(Tasks(later, TaskKind.TellReferrer)).DueUtc);
    }

    [Fact]
    public void Without_the_referred_meeting_the_referrer_is_told_the_business_day_after_the_referral()
    {
        var unknown = TellReferrerCase with { Conversations = [Conversation(5, Amara, Thanked, MondayMeetingEnd)] };
        Assert.Equal(Utc(3, 3, 9), Assert.Single(FollowUpRules.Evaluate(unknown)).DueUtc);
    }

    [Fact]
    public void A_referrer_not_to_contact_is_not_told() => Assert.Empty(FollowUpRules.Evaluate(DoNotContact(TellReferrerCase, Amara)));

    // Keep in touch

    [Fact]
    public void Keep_in_touch_is_due_the_cadence_after_the_last_interaction_all_day() =>
        Assert.Equal(
            [new TaskSpec("keep-in-touch:1:20260302", TaskKind.KeepInTouch, Amara.Id, null, "Keep in touch with Amara Okafor", Utc(5, 31, 9), AllDay: true)],
            FollowUpRules.Evaluate(KeepInTouchCase));

    [Fact]
    public void A_newer_interaction_makes_a_new_keep_in_touch_key()
    {
        var newer = WithContacts(KeepInTouchCase, Held(Amara, Utc(3, 20, 9)));
        var task = Assert.Single(FollowUpRules.Evaluate(newer));
        Assert.Equal("keep-in-touch:1:20260320", task.RuleKey);
        Assert.Equal(Utc(6, 18, 9), task.DueUtc);
    }

    [Fact]
    public void The_key_follows_the_local_date_of_the_last_interaction()
    {
        var kiritimati = KeepInTouchCase with { Zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati") };
        var late = WithContacts(kiritimati, Held(Amara, Utc(3, 2, 23)));
        var task = Assert.Single(FollowUpRules.Evaluate(late));
        Assert.Equal("keep-in-touch:1:20260303", task.RuleKey);
        Assert.Equal(Utc(5, 31, 19), task.DueUtc);
    }

    [Fact]
    public void A_tag_cadence_shortens_or_turns_off_keeping_in_touch()
    {
        var byTag = new Dictionary<string, int?> { ["mentor"] = 30, ["cold"] = null };
        var mentor = WithContacts(KeepInTouchCase, Held(Amara, Utc(3, 2, 15), "mentor", "alumni")) with { Policy = new FollowUpPolicy(KeepInTouchByTag: byTag) };
        Assert.Equal(Utc(4, 1, 9), Assert.Single(FollowUpRules.Evaluate(mentor)).DueUtc);
        var cold = WithContacts(KeepInTouchCase, Held(Amara, Utc(3, 2, 15), "cold")) with { Policy = new FollowUpPolicy(KeepInTouchByTag: byTag) };
        Assert.Empty(FollowUpRules.Evaluate(cold));
    }

    [Fact]
    public void Keep_in_touch_can_be_turned_off()
    {
        Assert.Empty(FollowUpRules.Evaluate(KeepInTouchCase with { Policy = new FollowUpPolicy(KeepInTouchDays: null) }));
    }

    [Fact]
    public void Only_people_talked_with_and_free_to_contact_are_kept_in_touch_with()
    {
        Assert.Empty(FollowUpRules.Evaluate(WithContacts(KeepInTouchCase, Amara with { LastInteractionUtc = Utc(3, 2, 15) })));
        Assert.Empty(FollowUpRules.Evaluate(DoNotContact(KeepInTouchCase, Amara)));
        Assert.Empty(FollowUpRules.Evaluate(WithContacts(KeepInTouchCase, Held(Amara, Utc(3, 2, 15)) with { LastInteractionUtc = null })));
    }

    // Close the loop

    [Fact]
    public void An_outcome_asks_to_tell_each_person_talked_with_and_each_referrer_once()
    {
        var due = Utc(3, 23, 9);
        Assert.Equal(
        [
            new TaskSpec("close-loop:50:1", TaskKind.CloseTheLoop, Amara.Id, null, "Tell Amara how your search turned out", due, AllDay: true),
            new TaskSpec("close-loop:50:2", TaskKind.CloseTheLoop, Grace.Id, null, "Tell Grace how your search turned out", due, AllDay: true),
            new TaskSpec("close-loop:50:3", TaskKind.CloseTheLoop, Kofi.Id, null, "Tell Kofi how your search turned out", due, AllDay: true),
        ], FollowUpRules.Evaluate(CloseTheLoopCase));
    }

    [Fact]
    public void Closing_the_loop_skips_people_not_to_contact() =>
        Assert.Equal(["close-loop:50:1", "close-loop:50:3"], FollowUpRules.Evaluate(DoNotContact(CloseTheLoopCase, Grace)).Select(t => t.RuleKey));

    [Fact]
    public void An_outcome_recorded_on_a_weekend_is_shared_on_monday()
    {
        var sunday = CloseTheLoopCase with { Outcomes = [CloseTheLoopCase.Outcomes[0] with { RecordedUtc = Utc(3, 22, 10) }] };
        Assert.All(FollowUpRules.Evaluate(sunday), t => Assert.Equal(Utc(3, 23, 9), t.DueUtc));
    }

    private static FollowUpSnapshot Merge(FollowUpSnapshot a, FollowUpSnapshot b) => a with
    {
        Conversations = [.. a.Conversations, .. b.Conversations.Where(c => a.Conversations.All(x => x.Id != c.Id))],
        Requests = [.. a.Requests, .. b.Requests],
        Replies = [.. a.Replies, .. b.Replies],
        Promises = [.. a.Promises, .. b.Promises],
        Referrals = [.. a.Referrals, .. b.Referrals],
        Contacts = [.. a.Contacts.Select(c => b.Contacts.FirstOrDefault(x => x.Id == c.Id && x.HadHeldConversation) ?? c)],
        Outcomes = [.. a.Outcomes, .. b.Outcomes],
    };
}
