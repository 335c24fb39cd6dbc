using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

public class OrganizationsByNameTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task A_name_given_again_before_saving_finds_the_organization_made_for_it()
    {
        var user = await _app.SignUpAsync();
        var names = await _app.WithDbAsync(user.Id, async db =>
        {
            var first = await new OrganizationsByName(db).FindOrAddAsync("  Acme Corp ");
            var again = new OrganizationsByName(db);
            Assert.Same(first, await again.FindOrAddAsync("ACME   corp"));
            Assert.Same(first, await again.FindOrAddAsync("acme corp"));
            await db.SaveChangesAsync();
            return await db.Organizations.Select(o => o.Name).ToListAsync();
        });
        Assert.Equal(["Acme Corp"], names);
    }

    [Fact]
    public async Task An_existing_organization_is_found_whatever_the_case_accents_and_spacing()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var cafe = new Organization();
            cafe.Rename("Café Ltd");
            db.Organizations.Add(cafe);
            await db.SaveChangesAsync();
            return cafe.Id;
        });
        var found = await _app.WithDbAsync(user.Id, async db =>
        {
            var organization = await new OrganizationsByName(db).FindOrAddAsync("CAFE  ltd");
            Assert.Equal(EntityState.Unchanged, db.Entry(organization!).State);
            return organization!.Id;
        });
        Assert.Equal(id, found);
        Assert.Null(await _app.WithDbAsync(user.Id, db => new OrganizationsByName(db).FindOrAddAsync("  ")));
    }

    [Fact]
    public async Task One_the_change_tracker_let_go_of_is_looked_up_again()
    {
        var user = await _app.SignUpAsync();
        var state = await _app.WithDbAsync(user.Id, async db =>
        {
            var organizations = new OrganizationsByName(db);
            var made = await organizations.FindOrAddAsync("Globex");
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var loaded = await db.Organizations.SingleAsync();
            var found = await organizations.FindOrAddAsync("globex");
            Assert.NotSame(made, found);
            Assert.Same(loaded, found);
            return db.Entry(found!).State;
        });
        Assert.Equal(EntityState.Unchanged, state);
    }

    [Fact]
    public async Task A_preview_makes_organizations_without_adding_them()
    {
        var user = await _app.SignUpAsync();
        var count = await _app.WithDbAsync(user.Id, async db =>
        {
            var preview = OrganizationsByName.Preview(db);
            var made = await preview.FindOrAddAsync("Initech");
            Assert.Equal(("Initech", "initech", 0), (made!.Name, made.NormalizedName, made.Id));
            Assert.Same(made, await preview.FindOrAddAsync("INITECH"));
            Assert.Empty(db.ChangeTracker.Entries());
            await db.SaveChangesAsync();
            return await db.Organizations.CountAsync();
        });
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task In_bulk_each_missing_organization_is_made_once_with_its_first_spelling()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, db => new OrganizationsByName(db).FindOrAddAsync("Acme").ContinueWith(_ => db.SaveChangesAsync()).Unwrap());
        var (all, stored, newCount) = await _app.WithDbAsync(user.Id, async db =>
        {
            var organizations = new OrganizationsByName(db);
            var newCount = await organizations.CountNewAsync(["ACME", "Globex", " globex ", null, " ", "Initech"]);
            var all = await organizations.FindOrAddAllAsync(["Globex Inc", "ACME", "GLOBEX INC", "  Initech "], DateTime.UtcNow);
            var stored = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.NormalizedName }).ToListAsync();
            return (all, stored.Select(o => (o.Id, o.Name, o.NormalizedName)).ToList(), newCount);
        });
        Assert.Equal(2, newCount);
        Assert.Equal(["Acme", "Globex Inc", "Initech"], stored.Select(o => o.Name));
        Assert.Equal(stored.ToDictionary(o => o.NormalizedName, o => (o.Id, o.Name)), all);
    }
}
