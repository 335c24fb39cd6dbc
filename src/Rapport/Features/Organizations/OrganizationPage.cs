using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Organizations;

/// <summary>One organization as its page shows it: its facts and target-list scores, its career fields, and
/// the people there. Two queries whatever the size of the network: the organization with its few fields, then
/// the people, at most <see cref="PeopleShown"/>.</summary>
public sealed record OrganizationPage(OrganizationPage.Facts Organization, IReadOnlyList<OrganizationPage.Person> People)
{
    /// <summary>The SQL commands a view of the page sends, the sign-in check included: the tests and the
    /// benchmark hold the page to it.</summary>
    public const int SqlCommands = 3;

    public const int PeopleShown = 500;

    public sealed record Facts(
        int Id, string Name, OrganizationStatus Status, string? Website, string? City, int? Motivation, int? Postings,
        bool? AdvocateOverride, string? Notes, List<PersonLink> Fields);

    public sealed record Person(int Id, string Name, string? Title, bool DoNotContact);

    /// <summary>Someone there could advocate: as the person says, or else anyone Rapport knows there.</summary>
    public bool HasAdvocate => Organization.AdvocateOverride ?? People.Count > 0;

    // Compiled once: the page runs these on every view.
    private static readonly Func<RapportDb, int, Task<Facts?>> Find = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new Facts(
                o.Id, o.Name, o.Status, o.Website, o.City, o.Motivation, o.Postings, o.AdvocateOverride, o.Notes,
                o.Fields.OrderBy(f => f.CareerFieldId).Select(f => new PersonLink(f.CareerFieldId, f.CareerField!.Name)).ToList()))
            .FirstOrDefault());

    private static readonly Func<RapportDb, int, IAsyncEnumerable<Person>> PeopleThere = EF.CompileAsyncQuery((RapportDb db, int id) =>
        db.Contacts.AsNoTracking().Where(c => c.OrganizationId == id).OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Take(PeopleShown)
            .Select(c => new Person(c.Id, Contact.FullNameOf(c.FirstName, c.LastName), c.Title, c.DoNotContact)));

    public static async Task<OrganizationPage?> LoadAsync(RapportDb db, int id)
    {
        var organization = await Find(db, id);
        if (organization is null) return null;
        var people = new List<Person>();
        await foreach (var person in PeopleThere(db, id)) people.Add(person);
        return new OrganizationPage(organization, people);
    }
}
