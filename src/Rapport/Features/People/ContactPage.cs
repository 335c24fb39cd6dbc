using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.Features.Shared;

namespace Rapport.Features.People;

public sealed record LabelledText(string? Label, string Text);

/// <summary>One contact as their page shows them.</summary>
public sealed record ContactView(
    int Id, string FirstName, string? LastName, string? Title, string? City, int? OrganizationId, string? OrganizationName,
    string? LinkedInUrl, ContactSource? Source, string? AlumniOf, Priority Priority, bool DoNotContact, string? Notes,
    DateOnly? ConnectedOn, DateOnly? LastContactedOn, PersonLink? ReferredBy,
    List<LabelledText> Emails, List<LabelledText> Phones, List<string> Tags, List<PersonLink> Fields,
    DateTime CreatedAtUtc, DateTime UpdatedAtUtc, bool HasPhoto)
{
    public string FullName => Contact.FullNameOf(FirstName, LastName);
}

/// <summary>A conversation with this contact, as listed on their page.</summary>
public sealed record ContactConversation(int Id, DateTime? MeetingStartUtc, ConversationStage Stage);

/// <summary>Everything the contact page shows, in four queries whatever the size of the network: the
/// contact with their details and how they answer requests; the people and conversations around them;
/// their timeline; their open follow-ups.</summary>
public sealed record ContactPage(
    ContactView Contact, WhoAnswers.Answer? Answer, IReadOnlyList<PersonLink> Referred, IReadOnlyList<PersonLink> Colleagues,
    IReadOnlyList<ContactConversation> Conversations, IReadOnlyList<TimelineEntry> Timeline, TaskGroups Tasks)
{
    private const int ColleaguesShown = 5;

    private static readonly TemplatePurpose[] Requests = [TemplatePurpose.Request, TemplatePurpose.IntroductionRequest];

    private enum Related { Referred, Colleague, Conversation }

    // Set by initializers so EF can put a UNION over it (see ContactTimeline).
    private sealed class RelatedRow
    {
        public Related Kind { get; init; }
        public int Id { get; init; }
        public string? Name { get; init; }
        public string? SortKey { get; init; }
        public DateTime? At { get; init; }
        public DateTime Created { get; init; }
        public int Stage { get; init; }
    }

    private sealed record ContactFacts(ContactView View, DateTime? FirstRequest, DateTime? FirstAnswer, bool NoReply, int Nudge, int FollowUp);

    // Compiled once: the contact page runs these on every view, and finding a large query in EF's cache
    // costs more than running it.
    private static readonly Func<RapportDb, int, Task<ContactFacts?>> FindContact = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new ContactFacts(
                new ContactView(
                    c.Id, c.FirstName, c.LastName, c.Title, c.City, c.OrganizationId, c.Organization == null ? null : c.Organization.Name,
                    c.LinkedInUrl, c.Source, c.AlumniOf, c.Priority, c.DoNotContact, c.Notes, c.ConnectedOn, c.LastContactedOn,
                    c.ReferredBy == null ? null : new PersonLink(c.ReferredBy.Id, Domain.Contact.FullNameOf(c.ReferredBy.FirstName, c.ReferredBy.LastName)),
                    c.Emails.OrderBy(e => e.Id).Select(e => new LabelledText(e.Label, e.Address)).ToList(),
                    c.Phones.OrderBy(p => p.Id).Select(p => new LabelledText(p.Label, p.Number)).ToList(),
                    c.Tags.OrderBy(t => t.NormalizedName).Select(t => t.Name).ToList(),
                    // A field's name is looked up by its key: joined in, SQLite built the career fields of every contact of
                    // the person to pick this one's (10 ms at 30,000 contacts).
                    c.Fields.Select(f => new PersonLink(f.CareerFieldId,
                        db.CareerFields.Where(x => x.Id == f.CareerFieldId).Select(x => x.Name).FirstOrDefault() ?? "")).ToList(),
                    c.CreatedAtUtc, c.UpdatedAtUtc, c.Photo != null),
                db.OutreachAttempts.Where(a => a.ContactId == c.Id && Requests.Contains(a.Purpose)).Min(a => (DateTime?)a.SentAtUtc),
                db.Replies.Where(r => r.ContactId == c.Id && r.Kind != ReplyKind.NoReply
                        && r.AtUtc >= db.OutreachAttempts.Where(a => a.ContactId == c.Id && Requests.Contains(a.Purpose)).Min(a => a.SentAtUtc))
                    .Min(r => (DateTime?)r.AtUtc),
                db.Replies.Any(r => r.ContactId == c.Id && r.Kind == ReplyKind.NoReply),
                db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.NudgeBusinessDays).FirstOrDefault(),
                db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.FollowUpBusinessDays).FirstOrDefault()))
            // A handful of emails, phones, tags and fields: one joined query costs less than four more round trips.
            .AsSingleQuery()
            .FirstOrDefault());

    // No NULL literals in the operands: PostgreSQL gives an untyped NULL in a subquery the type text,
    // which then cannot be matched with a time or a number in the UNION.
    private static readonly Func<RapportDb, int, int?, IAsyncEnumerable<RelatedRow>> FindRelated = EF.CompileAsyncQuery((RapportDb db, int id, int? organizationId) =>
        db.Conversations.AsNoTracking().Where(c => c.ContactId == id)
            .Select(c => new RelatedRow { Kind = Related.Conversation, Id = c.Id, Name = "", SortKey = "", At = c.MeetingStartUtc, Created = c.CreatedAtUtc, Stage = (int)c.Stage })
            .Concat(db.Contacts.Where(c => c.ReferredById == id)
                .Select(c => new RelatedRow { Kind = Related.Referred, Id = c.Id, Name = Domain.Contact.FullNameOf(c.FirstName, c.LastName), SortKey = c.SearchKey, At = c.CreatedAtUtc, Created = c.CreatedAtUtc, Stage = 0 }))
            .Concat(db.Contacts.Where(c => organizationId != null && c.OrganizationId == organizationId && c.Id != id && !c.DoNotContact)
                .OrderBy(c => c.Priority).ThenBy(c => c.LastContactedOn != null).ThenBy(c => c.SearchKey).Take(ColleaguesShown)
                .Select(c => new RelatedRow { Kind = Related.Colleague, Id = c.Id, Name = Domain.Contact.FullNameOf(c.FirstName, c.LastName), SortKey = c.SearchKey, At = c.CreatedAtUtc, Created = c.CreatedAtUtc, Stage = 0 })));

    public static async Task<ContactPage?> LoadAsync(RapportDb db, Web.UserTime time, int id)
    {
        var found = await FindContact(db, id);
        if (found is null) return null;
        var contact = found.View;
        var related = new List<RelatedRow>();
        await foreach (var row in FindRelated(db, id, contact.OrganizationId)) related.Add(row);

        var timeline = await ContactTimeline.LoadAsync(db, id);
        var tasks = await TaskGroups.LoadAsync(db, time, contactId: id, nameColleagues: false);

        var answer = found.FirstRequest is DateTime asked
            ? WhoAnswers.Classify(id, contact.Source, asked, found.FirstAnswer, found.NoReply, time.UtcNow, time.Zone, WhoAnswers.PolicyOf(found.Nudge, found.FollowUp))
            : null;
        var colleagueLinks = related.Where(r => r.Kind == Related.Colleague).Select(r => new PersonLink(r.Id, r.Name!)).ToList();
        // Nudges on this page name the same colleagues the page lists.
        var others = contact.OrganizationId is int organizationId ? new SecondPeople(organizationId, contact.OrganizationName!, colleagueLinks) : null;
        tasks = tasks.Map(t => t with { ContactName = contact.FullName, Others = t.Kind == TaskKind.NudgeSecondPerson ? others : null });
        return new ContactPage(contact, answer,
            related.Where(r => r.Kind == Related.Referred).OrderBy(r => r.SortKey, StringComparer.Ordinal).Select(r => new PersonLink(r.Id, r.Name!)).ToList(),
            colleagueLinks,
            related.Where(r => r.Kind == Related.Conversation).OrderByDescending(r => r.Created)
                .Select(r => new ContactConversation(r.Id, r.At, (ConversationStage)r.Stage)).ToList(),
            timeline, tasks);
    }
}
