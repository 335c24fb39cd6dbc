using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Organizations;

/// <summary>One organization as its page shows it: its facts and target-list scores, its career fields, the people
/// there, and the warm paths to it (<see cref="WarmPaths"/>). Four queries whatever the size of the network: the
/// organization with its few fields and the person's school; the people there, at most <see cref="PeopleShown"/>, with
/// how well the person knows each; the people who worked there before, at most <see cref="PeopleShown"/>; and whom the
/// people there referred the person to.</summary>
public sealed record OrganizationPage(OrganizationPage.Facts Organization, IReadOnlyList<OrganizationPage.Person> People, IReadOnlyList<WarmPath> WarmPaths)
{
    /// <summary>The SQL commands a view of the page sends, the sign-in check included: the tests and the
    /// benchmark hold the page to it.</summary>
    public const int SqlCommands = 5;

    public const int PeopleShown = 500;

    /// <summary>Whom one referrer is shown to have referred the person to, at most.</summary>
    public const int ReferralsShown = 3;

    public sealed record Facts(
        int Id, string Name, string NormalizedName, OrganizationStatus Status, string? Website, string? City, int? Motivation, int? Postings,
        bool? AdvocateOverride, string? Notes, List<PersonLink> Fields, string? YourSchool);

    public sealed record Person(int Id, string Name, string? Title, bool DoNotContact, string? AlumniOf, DateOnly? ConnectedOn,
        DateTime? LastHeldUtc, DateTime? LastReplyUtc);

    private sealed record FormerColleague(int ContactId, string Name, bool DoNotContact, string? AlumniOf, DateOnly? ConnectedOn,
        DateTime? LastHeldUtc, DateTime? LastReplyUtc, string Organization, string? Title, DateTime LeftByUtc);

    private sealed record ReferralFrom(int ReferrerId, string Referred);

    /// <summary>Someone there could advocate: as the person says, or else anyone Rapport knows there.</summary>
    public bool HasAdvocate => Organization.AdvocateOverride ?? People.Count > 0;

    // Compiled once: the page runs these on every view.
    private static readonly Func<RapportDb, int, string, Task<Facts?>> Find = EF.CompileAsyncQuery((RapportDb db, int id, string ownerId) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new Facts(
                o.Id, o.Name, o.NormalizedName, o.Status, o.Website, o.City, o.Motivation, o.Postings, o.AdvocateOverride, o.Notes,
                o.Fields.OrderBy(f => f.CareerFieldId).Select(f => new PersonLink(f.CareerFieldId, f.CareerField!.Name)).ToList(),
                db.Users.Where(u => u.Id == ownerId).Select(u => u.School).FirstOrDefault()))
            .FirstOrDefault());

    // A held conversation: one that reached its meeting (held, thanked, closed); a reply: an answer, yes or no.
    private static readonly Func<RapportDb, int, IAsyncEnumerable<Person>> PeopleThere = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.Contacts.AsNoTracking().Where(c => c.OrganizationId == id).OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Take(PeopleShown)
            .Select(c => new Person(c.Id, Contact.FullNameOf(c.FirstName, c.LastName), c.Title, c.DoNotContact, c.AlumniOf, c.ConnectedOn,
                db.Conversations.Where(v => v.ContactId == c.Id && (v.Stage == ConversationStage.Held || v.Stage == ConversationStage.Thanked || v.Stage == ConversationStage.Closed))
                    .Max(v => v.MeetingStartUtc),
                db.Replies.Where(r => r.ContactId == c.Id && r.Kind != ReplyKind.NoReply).Max(r => (DateTime?)r.AtUtc))));

    private static readonly Func<RapportDb, string, IAsyncEnumerable<FormerColleague>> WorkedThere = EF.CompileAsyncQuery((RapportDb db, string key) =>
        db.PastPositions.AsNoTracking().Where(p => p.OrganizationKey == key).OrderByDescending(p => p.LeftByUtc).ThenBy(p => p.Id).Take(PeopleShown)
            .Select(p => new FormerColleague(p.ContactId, Contact.FullNameOf(p.Contact!.FirstName, p.Contact.LastName), p.Contact.DoNotContact,
                p.Contact.AlumniOf, p.Contact.ConnectedOn,
                db.Conversations.Where(v => v.ContactId == p.ContactId && (v.Stage == ConversationStage.Held || v.Stage == ConversationStage.Thanked || v.Stage == ConversationStage.Closed))
                    .Max(v => v.MeetingStartUtc),
                db.Replies.Where(r => r.ContactId == p.ContactId && r.Kind != ReplyKind.NoReply).Max(r => (DateTime?)r.AtUtc),
                p.OrganizationName, p.Title, p.LeftByUtc)));

    private static readonly Func<RapportDb, int, IAsyncEnumerable<ReferralFrom>> ReferralsFromThere = EF.CompileAsyncQuery((RapportDb db, int id) =>
        (from v in db.Conversations.AsNoTracking()
         join r in db.Referrals.AsNoTracking() on v.Id equals r.ConversationId
         where v.Contact!.OrganizationId == id
         orderby r.Id
         select new ReferralFrom(v.ContactId, Contact.FullNameOf(r.Contact!.FirstName, r.Contact.LastName)))
            .Take(PeopleShown));

    public static async Task<OrganizationPage?> LoadAsync(RapportDb db, int id)
    {
        var organization = await Find(db, id, db.OwnerId ?? "");
        if (organization is null) return null;
        var people = new List<Person>();
        await foreach (var person in PeopleThere(db, id)) people.Add(person);
        var former = new List<FormerColleague>();
        await foreach (var colleague in WorkedThere(db, organization.NormalizedName)) former.Add(colleague);
        var referrals = new List<ReferralFrom>();
        await foreach (var referral in ReferralsFromThere(db, id)) referrals.Add(referral);
        return new OrganizationPage(organization, people, Rank(organization, people, former, referrals));
    }

    /// <summary>Everyone there now or before, once each; people who asked not to be contacted are no path.</summary>
    private static IReadOnlyList<WarmPath> Rank(Facts organization, List<Person> people, List<FormerColleague> former, List<ReferralFrom> referrals)
    {
        var referred = referrals.GroupBy(r => r.ReferrerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Referred).Distinct().Order(StringComparer.CurrentCultureIgnoreCase).Take(ReferralsShown).ToList());
        // The latest job each left there (the query reads the latest first).
        var lastJob = former.GroupBy(f => f.ContactId).ToDictionary(g => g.Key, g => g.First());
        var there = people.Select(p => p.Id).ToHashSet();
        var candidates = people.Where(p => !p.DoNotContact).Select(p => new WarmCandidate(
                p.Id, p.Name, p.Title, WorksThere: true, p.AlumniOf, p.LastHeldUtc, p.LastReplyUtc, p.ConnectedOn,
                lastJob.TryGetValue(p.Id, out var job) ? new WarmCandidate.JobThere(job.Organization, job.Title, job.LeftByUtc) : null,
                referred.GetValueOrDefault(p.Id, [])))
            .Concat(lastJob.Values.Where(f => !f.DoNotContact && !there.Contains(f.ContactId)).Select(f => new WarmCandidate(
                f.ContactId, f.Name, null, WorksThere: false, f.AlumniOf, f.LastHeldUtc, f.LastReplyUtc, f.ConnectedOn,
                new WarmCandidate.JobThere(f.Organization, f.Title, f.LeftByUtc), [])));
        return Domain.WarmPaths.Rank(candidates, organization.YourSchool);
    }
}
