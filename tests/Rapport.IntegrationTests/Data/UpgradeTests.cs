using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

/// <summary>A database made by an earlier version keeps its rows when the app upgrades it.</summary>
public class UpgradeTests
{
    [Fact]
    public async Task Contacts_from_the_first_version_keep_their_name_email_organization_notes_and_times()
    {
        var database = await TestDatabase.CreateAsync();
        var created = new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc);
        await using (var db = MigrationTests.ContextFor(database))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261127100000_CreateAccountsAndContacts");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "TimeZoneId", "CreatedAtUtc", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('u1', 'Old User', 'UTC', {created}, 'old@example.com', 'OLD@EXAMPLE.COM', 'old@example.com', 'OLD@EXAMPLE.COM', {false}, {false}, {false}, {true}, {0})
                """);
            foreach (var (id, name, email, organization, notes) in new[]
            {
                (1, "Zoë Saldaña", "zoe@example.com", "Acme Corp", "Met at the **fair**"),
                (2, "Ada Lovelace", (string?)null, "ACME CORP", (string?)null),
                (3, "Mononym", (string?)null, (string?)null, "no organization"),
            })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Contacts" ("Id", "OwnerId", "Name", "Email", "Organization", "Notes", "SearchKey", "CreatedAtUtc", "UpdatedAtUtc")
                    VALUES ({id}, 'u1', {name}, {email}, {organization}, {notes}, {name.ToLowerInvariant()}, {created}, {created})
                    """);
            }
        }

        await using var app = await RapportApp.StartOnAsync(database);
        var contacts = await app.WithDbAsync("u1", db => db.Contacts.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Notes, Organization = c.Organization!.Name, c.CreatedAtUtc, c.SearchText, c.Uid,
                Emails = c.Emails.Select(e => e.Address).ToList() })
            .ToListAsync());
        Assert.Equal(["Zoë Saldaña", "Ada Lovelace", "Mononym"], contacts.Select(c => c.FirstName));
        Assert.All(contacts, c => Assert.Null(c.LastName));
        Assert.Equal(["zoe@example.com"], contacts[0].Emails);
        Assert.Equal("Met at the **fair**", contacts[0].Notes);
        Assert.Equal(contacts[0].Organization, contacts[1].Organization);
        Assert.Null(contacts[2].Organization);
        Assert.All(contacts, c => Assert.Equal(created, c.CreatedAtUtc));
        Assert.Equal(3, contacts.Select(c => c.Uid).Distinct().Count());
        // Start-up filled in the search text the migration left empty, accents folded.
        Assert.Contains("zoe saldana", contacts[0].SearchText);
        Assert.Equal(1, await app.WithDbAsync("u1", db => db.Organizations.CountAsync()));
        // New contacts get ids after the old ones.
        var next = await app.AddContactAsync("u1", "New", "Person");
        Assert.True(next > 3);
    }

    [SqliteFact("PostgreSQL is copied with pg_dump before an upgrade (README, Upgrading); the app copies only SQLite files")]
    public async Task A_failed_upgrade_leaves_the_sqlite_database_as_it_was_and_names_the_copy_it_took_first()
    {
        var database = await TestDatabase.CreateAsync();
        List<string> migrations;
        await using (var db = MigrationTests.ContextFor(database))
        {
            migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^3]);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "TimeZoneId", "CreatedAtUtc", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('u1', 'Kept User', 'UTC', {DateTime.UtcNow}, 'kept@example.com', 'KEPT@EXAMPLE.COM', 'kept@example.com', 'KEPT@EXAMPLE.COM', {false}, {false}, {false}, {true}, {0})
                """);
            // The last migration adds this column: here already, it makes that migration fail after the one before it succeeded.
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Contacts" ADD COLUMN "Imported" INTEGER NOT NULL DEFAULT 0""");
        }

        // The built app, as a self-hoster starts it, on that data folder: it must stop, say why and where the copy is.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = database.DataDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(PublishedApp.BuiltDll);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("App__") || k.StartsWith("Database__")).ToList()) start.Environment.Remove(key);
        start.Environment["App__DataDirectory"] = database.DataDirectory;
        start.Environment["Urls"] = "http://127.0.0.1:0";
        using var app = System.Diagnostics.Process.Start(start)!;
        var said = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        await app.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var output = await said + await errors;
        Assert.Equal(1, app.ExitCode);
        var copy = Path.Combine(database.DataDirectory, $"rapport-upgrade-from-{migrations[^3][..14]}-to-{migrations[^1][..14]}.db");
        Assert.True(File.Exists(copy), $"No copy at {copy}:\n{output}");
        Assert.Contains($"A copy of it as it was is in {copy}", output);
        Assert.Contains("Rapport cannot start: The database could not be upgraded", output);
        Assert.Contains($"It is as it was before this start; a copy of it is also in {copy}", output);
        Assert.False(output.Contains("   at ", StringComparison.Ordinal), "A stack trace was shown:\n" + output);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var check = MigrationTests.ContextFor(database);
        Assert.Equal(migrations[^3], (await check.Database.GetAppliedMigrationsAsync()).Last());
        Assert.Equal(1, await check.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM "AspNetUsers" WHERE "Id" = 'u1'""").SingleAsync());
        // The migration that had succeeded was undone with the rest.
        Assert.Equal(0, await check.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM sqlite_master WHERE name = 'PastPositions'""").SingleAsync());
    }

    [Fact]
    public async Task An_upgrade_killed_while_migrating_completes_on_the_next_start()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = MigrationTests.ContextFor(database))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            // What a start-up killed in the middle of migrating leaves on SQLite: EF's lock row, never deleted.
            // (On PostgreSQL the lock ended with the killed process's connection, so there is nothing to leave.)
            if (database.Provider == TestProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("""CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL PRIMARY KEY, "Timestamp" TEXT NOT NULL)""");
                await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-27 10:00:00+00:00')""");
            }
        }

        // Before the fix the app waited for that lock forever and never answered.
        await using var app = await RapportApp.StartOnAsync(database).WaitAsync(TimeSpan.FromSeconds(60));
        await app.CompleteSetupAsync();
        await using var check = MigrationTests.ContextFor(database);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Search_text_stored_before_the_wider_folding_is_rebuilt_so_lukasz_finds_Łukasz()
    {
        await using var app = await RapportApp.StartAsync();
        var user = await app.SignUpAsync();
        await app.AddContactAsync(user.Id, "Łukasz", "Nowak", "Ørsted");
        await using (var db = MigrationTests.ContextFor(app.Database))
        {
            // The search text as the earlier version folded it, and the migration not yet run.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Contacts" SET "SearchText" = 'łukasz nowak | ørsted'""");
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261206120000_FoldMoreLettersInSearch'""");
            await db.GetService<IMigrator>().MigrateAsync();
        }
        var page = await user.Client.GetPageAsync("/people?q=lukasz+orsted");
        Assert.Equal(["Łukasz Nowak"], page.Document.QuerySelectorAll(".contact-list a.name").Select(a => a.TextContent));
        // The organization keeps its stricter key: it carries a unique index.
        Assert.Equal("ørsted", await app.WithDbAsync(user.Id, db => db.Organizations.Select(o => o.NormalizedName).SingleAsync()));
    }

    [Fact]
    public async Task Contacts_imported_before_the_imported_mark_existed_are_marked_from_their_timeline()
    {
        await using var app = await RapportApp.StartAsync();
        var user = await app.SignUpAsync();
        var typed = await app.AddContactAsync(user.Id, "Typed", "In");
        var imported = await app.AddContactAsync(user.Id, "Came", "FromLinkedIn");
        await app.WithDbAsync(user.Id, async db =>
        {
            db.ContactEvents.Add(new ContactEvent { ContactId = imported, Kind = ContactEventKind.Imported, OccurredAtUtc = DateTime.UtcNow, Text = "Imported from LinkedIn" });
            return await db.SaveChangesAsync();
        });
        await using (var db = MigrationTests.ContextFor(app.Database))
        {
            // Back to the version before the mark (its Down drops the column and the index), then forward again.
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261207130000_AddPastPositions");
            await migrator.MigrateAsync();
        }
        var marks = await app.WithDbAsync(user.Id, db => db.Contacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.Imported }).ToListAsync());
        Assert.Equal([(typed, false), (imported, true)], marks.Select(m => (m.Id, m.Imported)));
    }
}
