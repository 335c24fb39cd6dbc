using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Data;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

/// <summary>The hand-written migrations are guarded here, on the provider under test.</summary>
public class MigrationTests
{
    internal static RapportDb ContextFor(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<RapportDb>();
        if (database.Provider == TestProvider.Sqlite) options.UseSqlite(database.ConnectionString);
        else options.UseNpgsql(database.ConnectionString);
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new RapportDb(options.Options, new CurrentOwner(new HttpContextAccessor()));
    }

    [Fact]
    public async Task A_migrated_database_equals_one_created_from_the_model()
    {
        await using var migratedDatabase = await TestDatabase.CreateAsync();
        await using var modelDatabase = await TestDatabase.CreateAsync();
        await using var migrated = ContextFor(migratedDatabase);
        await using var fromModel = ContextFor(modelDatabase);

        await migrated.Database.MigrateAsync();
        await fromModel.Database.EnsureCreatedAsync();

        var expected = await SchemaDescription.OfAsync(fromModel);
        var actual = await SchemaDescription.OfAsync(migrated);
        Assert.Contains("Contacts", expected);
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var missing = expectedLines.Except(actualLines).Select(l => "  model only:    " + l);
        var extra = actualLines.Except(expectedLines).Select(l => "  migrated only: " + l);
        var drift = string.Join('\n', missing.Concat(extra));
        Assert.True(drift.Length == 0, "The migrations and the model differ:\n" + drift);
    }

    [Fact]
    public void Every_migration_class_carries_both_attributes()
    {
        var migrationTypes = typeof(RapportDb).Assembly.GetTypes()
            .Where(t => typeof(Migration).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(migrationTypes);
        foreach (var type in migrationTypes)
        {
            Assert.True(type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(RapportDb), $"{type.Name} lacks [DbContext(typeof(RapportDb))]");
            Assert.True(type.GetCustomAttribute<MigrationAttribute>() is not null, $"{type.Name} lacks [Migration]");
        }
    }

    [Fact]
    public async Task EF_finds_every_migration_class_in_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = ContextFor(database);
        var classes = typeof(RapportDb).Assembly.GetTypes()
            .Where(t => typeof(Migration).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(classes, db.Database.GetMigrations().ToList());
        foreach (var id in classes) Assert.Matches(@"^\d{14}_[A-Z][A-Za-z]+$", id);
    }
}
