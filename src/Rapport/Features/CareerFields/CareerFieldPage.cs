using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.CareerFields;

/// <summary>One career field as its page shows it: its facts, notes and links, its open questions, the people
/// and organizations in it, and what the conversations about it taught (<see cref="FieldSynthesis"/>). Four
/// queries whatever the size of the network: the field with its links and its number of people; one UNION of
/// its questions, the first people and the organizations; the synthesis's two.</summary>
public sealed record CareerFieldPage(
    CareerFieldPage.Facts Field,
    IReadOnlyList<CareerFieldPage.Question> Questions,
    IReadOnlyList<PersonLink> People,
    IReadOnlyList<PersonLink> Organizations,
    FieldSynthesis Synthesis)
{
    /// <summary>The SQL commands a view of the page sends, the sign-in check included: the tests and the
    /// benchmark hold the page to it.</summary>
    public const int SqlCommands = 6;

    public const int PeopleShown = 50;

    /// <summary>Bounded like the people, so the page is; far more than a person links to one field.</summary>
    public const int OrganizationsShown = 500;

    public sealed record Facts(
        int Id, string Name, CareerFieldStatus Status, string? Description, string? Notes, List<Link> Links, int PeopleCount);

    public sealed record Link(string Url, string? Label);

    public sealed record Question(int Id, string Text, string? Answer, string? AnswerSource, DateTime? AnsweredAtUtc)
    {
        public bool IsAnswered => AnsweredAtUtc is not null;
    }

    private enum Part { Question, Person, Organization }

    // The common shape of the three parts, set by initializers so EF can put a UNION over it, without NULL
    // literals (see People/ContactTimeline). The people and the organizations come in their parts' order.
    private sealed class Row
    {
        public Part Part { get; init; }
        public int Id { get; init; }
        public string Text { get; init; } = "";
        public string? Answer { get; init; }
        public string? Source { get; init; }
        public DateTime? At { get; init; }
    }

    // Compiled once: the page runs these on every view. Each starts from the field's own rows in the tables that link
    // people, organizations and conversations to fields (indexed by field), never from all of the person's contacts
    // asking each whether it is in the field: that read the whole account for a field of forty people.
    private static readonly Func<RapportDb, int, Task<Facts?>> Find = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.CareerFields.AsNoTracking().Where(f => f.Id == id).Select(f => new Facts(
                f.Id, f.Name, f.Status, f.Description, f.Notes,
                f.Links.OrderBy(l => l.Id).Select(l => new Link(l.Url, l.Label)).ToList(),
                db.ContactFields.Count(x => x.CareerFieldId == id)))
            .FirstOrDefault());

    private static readonly Func<RapportDb, int, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.OpenQuestions.AsNoTracking().Where(q => q.CareerFieldId == id)
            .Select(q => new Row { Part = Part.Question, Id = q.Id, Text = q.Text, Answer = q.Answer, Source = q.AnswerSource, At = q.AnsweredAtUtc })
            .Concat(db.ContactFields.Where(f => f.CareerFieldId == id).Join(db.Contacts, f => f.ContactId, c => c.Id, (_, c) => c)
                .OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Take(PeopleShown)
                .Select(c => new Row
                {
                    Part = Part.Person, Id = c.Id, Text = Contact.FullNameOf(c.FirstName, c.LastName), Answer = "", Source = "", At = c.CreatedAtUtc,
                }))
            .Concat(db.OrganizationFields.Where(f => f.CareerFieldId == id).Join(db.Organizations, f => f.OrganizationId, o => o.Id, (_, o) => o)
                .OrderBy(o => o.NormalizedName).ThenBy(o => o.Id).Take(OrganizationsShown)
                .Select(o => new Row { Part = Part.Organization, Id = o.Id, Text = o.Name, Answer = "", Source = "", At = o.CreatedAtUtc })));

    public static async Task<CareerFieldPage?> LoadAsync(RapportDb db, int id)
    {
        var field = await Find(db, id);
        if (field is null) return null;
        var rows = new List<Row>();
        await foreach (var row in Rows(db, id)) rows.Add(row);
        return new CareerFieldPage(field,
            // Open ones first, each kind in the order asked.
            rows.Where(r => r.Part == Part.Question).OrderBy(r => r.At != null).ThenBy(r => r.Id)
                .Select(r => new Question(r.Id, r.Text, r.Answer, r.Source, r.At)).ToList(),
            rows.Where(r => r.Part == Part.Person).Select(r => new PersonLink(r.Id, r.Text)).ToList(),
            rows.Where(r => r.Part == Part.Organization).Select(r => new PersonLink(r.Id, r.Text)).ToList(),
            await FieldSynthesis.LoadAsync(db, id));
    }
}
