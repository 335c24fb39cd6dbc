using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

/// <summary>The full name is one rule: the database computes it in queries exactly as code does in memory.</summary>
public class FullNameInQueriesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Queries_compute_the_full_name_as_code_does_in_sorts_filters_and_unions()
    {
        var user = await _app.SignUpAsync();
        var people = new[] { ("Ada", "Lovelace"), ("Grace", null), ("Zoë", ""), ("", "Hopper") };
        await _app.WithDbAsync(user.Id, async db =>
        {
            foreach (var (first, last) in people)
            {
                var contact = new Contact { FirstName = first, LastName = last };
                contact.RefreshSearch(null);
                db.Contacts.Add(contact);
            }
            return await db.SaveChangesAsync();
        });
        var (sorted, filtered, united) = await _app.WithDbAsync(user.Id, async db =>
        {
            var sorted = await db.Contacts.OrderBy(c => Contact.FullNameOf(c.FirstName, c.LastName))
                .Select(c => Contact.FullNameOf(c.FirstName, c.LastName)).ToListAsync();
            var filtered = await db.Contacts.Where(c => Contact.FullNameOf(c.FirstName, c.LastName) == "Zoë").CountAsync();
            var united = await db.Contacts.Where(c => c.LastName == null).Select(c => Contact.FullNameOf(c.FirstName, c.LastName))
                .Union(db.Contacts.Where(c => c.LastName != null).Select(c => Contact.FullNameOf(c.FirstName, c.LastName))).ToListAsync();
            return (sorted, filtered, united);
        });
        var expected = people.Select(p => new Contact { FirstName = p.Item1, LastName = p.Item2 }.FullName).ToList();
        // Sorted by the database's collation, which differs between the two; what matters is that it sorts by it.
        Assert.Equal(expected.Order(StringComparer.Ordinal), sorted.Order(StringComparer.Ordinal));
        Assert.Equal(1, filtered);
        Assert.Equal(expected.Order(StringComparer.Ordinal), united.Order(StringComparer.Ordinal));
    }
}
