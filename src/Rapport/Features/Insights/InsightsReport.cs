using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;

namespace Rapport.Features.Insights;

/// <summary>A step of the funnel: how many conversations got this far, and what share of the step before.</summary>
public sealed record FunnelStep(string Name, int Count, int? PercentOfPrevious);

/// <summary>How one group of contacts (a way of knowing them, a channel, a template) answered first requests.</summary>
public sealed record AnswerGroup(string Name, int Asked, int Answered, double? MedianBusinessDays)
{
    public int Percent => Asked == 0 ? 0 : (int)Math.Round(100.0 * Answered / Asked, MidpointRounding.AwayFromZero);
}

public sealed record GrowthMonth(string Label, int ByHand, int Imported, int Referred);

/// <summary>A person in the referral tree: who led to them, and whether the referrer allowed their name to be used.</summary>
public sealed record ReferralNode(int Id, string Name, int? ReferredById, bool MayUseName);

/// <summary>A month's average fit rating over the conversations rated in it.</summary>
public sealed record FitMonth(string Month, double Average, int Rated);

public sealed record FieldInsight(int Id, string Name, int Held, int QuestionsAnswered, int QuestionsOpen,
    IReadOnlyList<(string Month, int AnsweredSoFar)> AnsweredByMonth, IReadOnlyList<FitMonth> Fit);

/// <summary>Everything the insights page shows for one period. A fixed number of queries whatever the size of the
/// account; what they read is bounded by the period (the referral tree by <see cref="ReferralLimit"/>).</summary>
public sealed record InsightsReport(
    IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<AnswerGroup> BySource, IReadOnlyList<AnswerGroup> ByChannel, IReadOnlyList<AnswerGroup> ByTemplate,
    IReadOnlyList<(DateOnly Monday, int Requests)> Weeks, int WeeklyGoal, int Streak,
    IReadOnlyList<GrowthMonth> Growth,
    IReadOnlyList<ReferralNode> Referrals,
    IReadOnlyList<FieldInsight> Fields,
    bool IsEmpty)
{
    public const int ReferralLimit = 1_000;
    public const int WeeksShown = 12;
    public const string NoTemplate = "No template";

    private static readonly TemplatePurpose[] Requests = [TemplatePurpose.Request, TemplatePurpose.IntroductionRequest];
    private static readonly ConversationStage[] ScheduledOrLater = [ConversationStage.Scheduled, ConversationStage.Held, ConversationStage.Thanked, ConversationStage.Closed];
    private static readonly ConversationStage[] HeldOrLater = [ConversationStage.Held, ConversationStage.Thanked, ConversationStage.Closed];

    /// <param name="from">The first day of the period, on the person's calendar.</param>
    /// <param name="to">The last day of the period, included.</param>
    /// <param name="remembered">Where the months' counts of people added are kept between views.</param>
    public static async Task<InsightsReport> LoadAsync(RapportDb db, ContactCounts remembered, TimeZoneInfo zone, DateOnly from, DateOnly to, DateOnly today)
    {
        var start = TimeZones.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var end = TimeZones.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var goal = await db.Users.AsNoTracking().Where(u => u.Id == db.OwnerId).Select(u => u.WeeklyRequestGoal).FirstAsync();

        // One pass over the requests of the period and of the weeks the weekly activity looks back on (a year, for the
        // streak): a second query read that year again for the weekly counts.
        var lastWeek = WeeklyActivity.WeekOf(to < today ? to : today);
        var mondays = WeeklyActivity.Mondays(lastWeek, 53);
        var weekStarts = mondays.Select(m => TimeZones.ToUtc(m.ToDateTime(TimeOnly.MinValue), zone)).ToArray();
        var weekEnd = TimeZones.ToUtc(lastWeek.AddDays(7).ToDateTime(TimeOnly.MinValue), zone);
        var (readFrom, readTo) = (start < weekStarts[0] ? start : weekStarts[0], end > weekEnd ? end : weekEnd);
        // With the trash filter ignored, each check of the trash is written out. The contact is looked up by key, one
        // row each: as a join, or as the trash filter's EXISTS, PostgreSQL read every contact of the account to hash
        // them. A contact in the trash reads as no source code, and its requests are left out, as the trash filter
        // would. Conversations are fewer: joined, PostgreSQL hashes them once instead of a lookup per row.
        var sentRows = (await (
                from a in db.OutreachAttempts.IgnoreQueryFilters(RapportDb.TrashOnly).AsNoTracking()
                where Requests.Contains(a.Purpose) && a.SentAtUtc >= readFrom && a.SentAtUtc < readTo
                join v in db.Conversations.Where(v => v.DeletedAtUtc == null) on a.ConversationId equals v.Id into found
                from v in found.DefaultIfEmpty()
                select new
                {
                    a.ContactId, a.ConversationId, a.Channel, a.TemplateKey, a.SentAtUtc, Stage = (ConversationStage?)v!.Stage,
                    SourceCode = db.Contacts.Where(c => c.Id == a.ContactId && c.DeletedAtUtc == null).Select(c => c.Source == null ? (int?)0 : (int?)c.Source + 1).FirstOrDefault(),
                })
            .ToListAsync())
            .Where(a => a.SourceCode is not null).ToList();
        var requests = sentRows.Where(a => a.SentAtUtc >= start && a.SentAtUtc < end)
            .Select(a => new { a.ContactId, a.ConversationId, a.Channel, a.TemplateKey, a.SentAtUtc, a.Stage,
                Source = a.SourceCode == 0 ? null : (ContactSource?)(a.SourceCode - 1) })
            .ToList();
        // Only answers count, and only in conversations out of the trash (joined, as above). Whose contact is in the
        // trash needs no check: answers are looked up by the contacts and conversations of live requests.
        var replies = await db.Replies.IgnoreQueryFilters(RapportDb.TrashOnly).AsNoTracking()
            .Where(r => r.Kind != ReplyKind.NoReply && r.AtUtc >= start)
            .Join(db.Conversations.Where(v => v.DeletedAtUtc == null), r => r.ConversationId, v => v.Id, (r, v) => new { r.ContactId, r.ConversationId, r.AtUtc })
            .ToListAsync();
        var ownTemplates = await db.OwnTemplates.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => $"own:{t.Id}", t => t.Name);

        // The funnel follows each conversation asked for in the period to where it stands now.
        var asked = requests.Where(r => r.ConversationId is not null).GroupBy(r => r.ConversationId!.Value)
            .Select(g => new { Id = g.Key, g.First().Stage, First = g.Min(r => r.SentAtUtc) }).ToList();
        // By conversation: a scan of every answer for each conversation asked grew with the square of the account.
        var answersTo = replies.ToLookup(r => r.ConversationId, r => r.AtUtc);
        var counts = new[]
        {
            ("Requests sent", asked.Count),
            ("Replied", asked.Count(c => answersTo[c.Id].Any(at => at >= c.First))),
            ("Scheduled", asked.Count(c => c.Stage is ConversationStage s && ScheduledOrLater.Contains(s))),
            ("Held", asked.Count(c => c.Stage is ConversationStage s && HeldOrLater.Contains(s))),
            ("Thanked", asked.Count(c => c.Stage is ConversationStage.Thanked or ConversationStage.Closed)),
        };
        var funnel = counts.Select((step, i) => new FunnelStep(step.Item1, step.Item2,
            i == 0 ? null : counts[i - 1].Item2 == 0 ? null : (int)Math.Round(100.0 * step.Item2 / counts[i - 1].Item2, MidpointRounding.AwayFromZero))).ToList();

        // Who answers: each contact's first request in the period, and their first answer after it (as on the follow-ups page).
        var repliesByContact = replies.ToLookup(r => r.ContactId);
        var firsts = requests.GroupBy(r => r.ContactId).Select(g => g.OrderBy(r => r.SentAtUtc).First()).Select(f =>
        {
            var answer = repliesByContact[f.ContactId].Where(r => r.AtUtc >= f.SentAtUtc).Select(r => (DateTime?)r.AtUtc).Min();
            var days = WhoAnswers.DaysToAnswer(f.SentAtUtc, answer, zone);
            return new { f.Source, f.Channel, Template = TemplateName(f.TemplateKey, ownTemplates), Answered = answer is not null, Days = days };
        }).ToList();
        IReadOnlyList<AnswerGroup> By(IEnumerable<IGrouping<string, (bool Answered, int? Days)>> groups) => groups
            .Select(g => new AnswerGroup(g.Key, g.Count(), g.Count(x => x.Answered), Median(g.Where(x => x.Days is not null).Select(x => x.Days!.Value).ToList())))
            .OrderByDescending(g => g.Asked).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var bySource = By(firsts.GroupBy(f => f.Source is ContactSource s ? Labels.Of(s) : "Not said", f => (f.Answered, f.Days)));
        var byChannel = By(firsts.GroupBy(f => Labels.Of(f.Channel), f => (f.Answered, f.Days)));
        var byTemplate = By(firsts.GroupBy(f => f.Template, f => (f.Answered, f.Days)));

        // Weekly activity: the twelve weeks ending with the period's last week, and the streak as far back as a year.
        var sent = new int[weekStarts.Length];
        foreach (var row in sentRows)
            if (row.SentAtUtc >= weekStarts[0] && row.SentAtUtc < weekEnd) sent[WeekIndex(weekStarts, row.SentAtUtc)]++;
        var year = mondays.Select((monday, i) => (monday, sent[i])).ToList();
        var weeks = year.Skip(year.Count - WeeksShown).ToList();
        var streak = WeeklyActivity.Streak(year, goal);

        // Network growth: contacts added in the period by month, by how they came.
        var months = MonthsOf(from, to);
        // Each month of the period on the person's calendar, cut to the period at both ends.
        var bounds = months.Select(m => m <= from ? start : TimeZones.ToUtc(m.ToDateTime(TimeOnly.MinValue), zone)).Append(end).ToList();
        var added = await remembered.AddedAsync(db, bounds, () => RangeCounts.ContactsAddedAsync(db, bounds));
        var growth = months.Select((m, i) => new GrowthMonth(MonthLabel(m), added[i].ByHand, added[i].Imported, added[i].Referred)).ToList();

        // The referral tree is the whole network's: a chain begun before the period still led to the people in it.
        // The trash is checked by hand: the referral's own filter looked up the contact being read again, and its
        // conversation through a join PostgreSQL answered by hashing them all. Taken referrer by referrer, the order
        // of the owner's index on the referrer, so a referrer's people stay together: in the order of their ids,
        // PostgreSQL walked the whole table's key to find the referred ones (15,000 rows for 1,000).
        var referred = await db.Contacts.IgnoreQueryFilters(RapportDb.TrashOnly).AsNoTracking()
            .Where(c => c.ReferredById != null && c.DeletedAtUtc == null).OrderBy(c => c.ReferredById).ThenBy(c => c.Id).Take(ReferralLimit)
            .Select(c => new
            {
                c.Id, Name = Contact.FullNameOf(c.FirstName, c.LastName), c.ReferredById,
                ReferrerName = db.Contacts.Where(r => r.Id == c.ReferredById && r.DeletedAtUtc == null).Select(r => Contact.FullNameOf(r.FirstName, r.LastName)).FirstOrDefault(),
                // Whether any of their referrals, in a conversation out of the trash, allowed the referrer's name: a
                // lookup that stops at the first, where sorting each person's referrals cost a sort per person.
                MayUseName = db.Referrals.Any(r => r.ContactId == c.Id && r.MayUseName == NameUse.Yes
                    && db.Conversations.Where(v => v.Id == r.ConversationId && v.DeletedAtUtc == null).Select(v => (int?)1).FirstOrDefault() != null),
            }).ToListAsync();
        var nodes = referred.Select(r => new ReferralNode(r.Id, r.Name, r.ReferredById, r.MayUseName)).ToList();
        var known = nodes.Select(n => n.Id).ToHashSet();
        // Referrers who were not referred themselves are the roots.
        nodes.AddRange(referred.Where(r => r.ReferrerName is not null && !known.Contains(r.ReferredById!.Value))
            .DistinctBy(r => r.ReferredById).Select(r => new ReferralNode(r.ReferredById!.Value, r.ReferrerName!, null, MayUseName: false)));

        var fields = await db.CareerFields.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync();
        // Held and rated conversations of the period in one pass over the fields' conversations, each looked up once:
        // the field's trash filter looked the same conversation up again, and two queries read every link twice.
        var period = await db.ConversationFields.IgnoreQueryFilters(RapportDb.TrashOnly).AsNoTracking()
            .Join(db.Conversations.Where(c => c.DeletedAtUtc == null), f => f.ConversationId, c => c.Id, (f, c) => new
            {
                f.CareerFieldId, c.Stage, c.FitRating,
                HeldAt = c.StartedAtUtc ?? c.MeetingStartUtc, RatedAt = c.StartedAtUtc ?? c.MeetingStartUtc ?? c.CreatedAtUtc,
            })
            .Where(x => (HeldOrLater.Contains(x.Stage) && x.HeldAt >= start && x.HeldAt < end) || (x.FitRating != null && x.RatedAt >= start && x.RatedAt < end))
            .ToListAsync();
        var held = period.Where(x => HeldOrLater.Contains(x.Stage) && x.HeldAt >= start && x.HeldAt < end)
            .GroupBy(x => x.CareerFieldId).Select(g => new { Field = g.Key, Count = g.Count() }).ToList();
        // The fit by month: a point per conversation made the page grow with the account (1,540 points at 30,000
        // contacts); the career field's own page keeps a point per conversation, with whom.
        var fits = period.Where(x => x.FitRating != null && x.RatedAt >= start && x.RatedAt < end)
            .Select(x => new { x.CareerFieldId, x.FitRating, At = x.RatedAt }).ToList();
        var questions = await db.OpenQuestions.AsNoTracking().Where(q => q.AnsweredAtUtc == null || q.AnsweredAtUtc < end)
            .GroupBy(q => q.CareerFieldId)
            .Select(g => new { Field = g.Key, Open = g.Count(q => q.AnsweredAtUtc == null), Before = g.Count(q => q.AnsweredAtUtc != null && q.AnsweredAtUtc < start) })
            .ToListAsync();
        var answeredInPeriod = await db.OpenQuestions.AsNoTracking().Where(q => q.AnsweredAtUtc >= start && q.AnsweredAtUtc < end)
            .Select(q => new { q.CareerFieldId, At = q.AnsweredAtUtc!.Value }).ToListAsync();
        var fieldInsights = fields.Select(f =>
        {
            var counted = questions.FirstOrDefault(q => q.Field == f.Id);
            var answered = answeredInPeriod.Where(a => a.CareerFieldId == f.Id).Select(a => BusinessDays.LocalDate(a.At, zone)).ToList();
            var before = counted?.Before ?? 0;
            var byMonth = months.Select(m => (MonthLabel(m),
                before + answered.Count(d => d < m.AddMonths(1)))).ToList();
            return new FieldInsight(f.Id, f.Name, held.FirstOrDefault(h => h.Field == f.Id)?.Count ?? 0, answered.Count, counted?.Open ?? 0, byMonth,
                FitByMonth(fits.Where(x => x.CareerFieldId == f.Id).Select(x => (x.At, x.FitRating!.Value)), zone));
        }).ToList();

        var isEmpty = requests.Count == 0 && growth.All(g => g.ByHand + g.Imported + g.Referred == 0) && nodes.Count == 0 && fields.Count == 0
            && sent.All(n => n == 0);
        return new InsightsReport(funnel, bySource, byChannel, byTemplate, weeks, goal, streak, growth, nodes, fieldInsights, isEmpty);
    }

    /// <summary>The index of the week an instant falls in, given each week's start, oldest first.</summary>
    private static int WeekIndex(DateTime[] starts, DateTime at)
    {
        var found = Array.BinarySearch(starts, at);
        return found >= 0 ? found : ~found - 1;
    }

    private static string MonthLabel(DateOnly month) => month.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The average rating of each month with one, on the person's calendar, to one decimal.</summary>
    public static IReadOnlyList<FitMonth> FitByMonth(IEnumerable<(DateTime AtUtc, int Rating)> ratings, TimeZoneInfo zone) => ratings
        .GroupBy(r => { var day = BusinessDays.LocalDate(r.AtUtc, zone); return new DateOnly(day.Year, day.Month, 1); })
        .OrderBy(g => g.Key)
        .Select(g => new FitMonth(MonthLabel(g.Key),
            Math.Round(g.Average(r => r.Rating), 1, MidpointRounding.AwayFromZero), g.Count()))
        .ToList();

    /// <summary>The first day of each month the period touches.</summary>
    public static IReadOnlyList<DateOnly> MonthsOf(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1)) months.Add(m);
        return months;
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count); null when there is none.</summary>
    public static double? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static string TemplateName(string? key, IReadOnlyDictionary<string, string> own) => key switch
    {
        null => NoTemplate,
        _ when key.StartsWith("built-in:", StringComparison.Ordinal) => BuiltInTemplates.Find(key["built-in:".Length..])?.Name ?? NoTemplate,
        _ => own.GetValueOrDefault(key) ?? "A template since deleted",
    };
}
