using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Features.Backup;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Backup;

/// <summary>Backups of the SQLite database taken while the app runs, and restoring them with the app stopped.
/// These work on the SQLite file itself, so they run on SQLite in either test run (without pages: the app's
/// compiled queries belong to the run's own database). The page is tested on the run's database.</summary>
public class BackupTests
{
    private static string ConnectionString(RapportApp app) =>
        DataServices.ConnectionStringFor(app.Services.GetRequiredService<DatabaseOptions>(), app.Services.GetRequiredService<DataFolder>());

    private static async Task<string> CreateAccountAsync(RapportApp app, string email = "backup@example.com")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = new RapportUser { UserName = email, Email = email, DisplayName = "Backup", CreatedAtUtc = DateTime.UtcNow };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<RapportUser>>().CreateAsync(user, "a long and quiet pass phrase");
        Assert.True(result.Succeeded);
        return user.Id;
    }

    private static async Task<List<string>> ContactNamesInAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
        await using var names = connection.CreateCommand();
        names.CommandText = "SELECT FirstName FROM Contacts ORDER BY FirstName;";
        var found = new List<string>();
        await using var reader = await names.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetString(0));
        return found;
    }

    [Fact]
    public async Task A_backup_taken_while_people_write_holds_every_write_acknowledged_before_it_began()
    {
        await using var app = await RapportApp.StartAsync(provider: TestProvider.Sqlite, completeSetup: false);
        var userId = await CreateAccountAsync(app);
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(1, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 2_000; i++)
            {
                var name = $"writer{writer}-{i:D4}";
                await app.AddContactAsync(userId, name);
                acknowledged.Enqueue(name);
            }
        })).ToList();
        while (acknowledged.Count < 40) await Task.Delay(10);

        var before = acknowledged.ToList();
        var target = Path.Combine(app.Database.DataDirectory, "backups", "during-writes.db");
        await SqliteBackup.WriteAsync(ConnectionString(app), target);
        var countAfterBackup = acknowledged.Count;
        while (acknowledged.Count < countAfterBackup + 20 && writers.Any(w => !w.IsCompleted)) await Task.Delay(10);
        stop.Cancel();
        await Task.WhenAll(writers);

        var inBackup = await ContactNamesInAsync(target);
        Assert.Empty(before.Except(inBackup));
        Assert.True(acknowledged.Count > inBackup.Count, "the app kept writing after the backup");
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public async Task A_restore_brings_back_the_backup_and_keeps_the_replaced_database_aside()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var app = await RapportApp.StartOnAsync(database);
        var userId = await CreateAccountAsync(app);
        await app.AddContactAsync(userId, "Before");
        var backup = Path.Combine(database.DataDirectory, "backups", "kept.db");
        await SqliteBackup.WriteAsync(ConnectionString(app), backup);
        await app.AddContactAsync(userId, "After");
        var databaseFile = new SqliteConnectionStringBuilder(ConnectionString(app)).DataSource;

        var refused = await SqliteRestore.RunAsync(backup, databaseFile, database.DataDirectory, BackupCommands.KnownMigrations(), DateTime.UtcNow);
        Assert.False(refused.Restored);
        Assert.Contains("running", refused.Message);

        await app.StopKeepingDatabaseAsync();
        var result = await SqliteRestore.RunAsync(backup, databaseFile, database.DataDirectory, BackupCommands.KnownMigrations(), DateTime.UtcNow);
        Assert.True(result.Restored, result.Message);
        Assert.Equal(["After", "Before"], await ContactNamesInAsync(result.SetAsidePath!));

        await using var restarted = await RapportApp.StartOnAsync(database);
        Assert.Equal(["Before"], await restarted.WithDbAsync(userId, db => db.Contacts.Select(c => c.FirstName).ToListAsync()));
        await restarted.StopKeepingDatabaseAsync();
    }

    [Fact]
    public async Task A_restore_refuses_a_file_that_is_not_a_sound_Rapport_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rapport-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var live = Path.Combine(folder, "rapport.db");
        await File.WriteAllTextAsync(live, "the live database stays as it is");
        var text = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database at all, just some text that is long enough to look like a header");
        var foreign = Path.Combine(folder, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE recipes (name TEXT);";
            await create.ExecuteNonQueryAsync();
        }
        var damaged = Path.Combine(folder, "damaged.db");
        var bytes = await File.ReadAllBytesAsync(foreign);
        Array.Fill(bytes, (byte)0xFF, 100, Math.Min(400, bytes.Length - 100));
        await File.WriteAllBytesAsync(damaged, bytes);

        foreach (var (file, reason) in new[] { (text, "not a SQLite database"), (foreign, "not a Rapport one"), (damaged, "") , (Path.Combine(folder, "missing.db"), "no file") })
        {
            var result = await SqliteRestore.RunAsync(file, live, folder, BackupCommands.KnownMigrations(), DateTime.UtcNow);
            Assert.False(result.Restored, file);
            Assert.Contains(reason, result.Message);
        }
        Assert.Equal("the live database stays as it is", await File.ReadAllTextAsync(live));
        Assert.False(Directory.Exists(Path.Combine(folder, "backups")));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_commands_back_up_and_restore_through_the_real_entry_point()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var app = await RapportApp.StartOnAsync(database);
        var userId = await CreateAccountAsync(app);
        await app.AddContactAsync(userId, "Kept");
        var backup = Path.Combine(database.DataDirectory, "manual.db");

        var (backedUp, backupOutput) = await RunRapportAsync(database, "backup", backup);
        Assert.True(backedUp == 0, backupOutput);
        Assert.Contains("Backed up the database to", backupOutput);
        Assert.Equal(["Kept"], await ContactNamesInAsync(backup));

        var (whileRunning, runningOutput) = await RunRapportAsync(database, "restore", backup);
        Assert.True(whileRunning == 1, runningOutput);
        Assert.Contains("Stop it first", runningOutput);

        await app.AddContactAsync(userId, "Later");
        await app.StopKeepingDatabaseAsync();
        var (restored, restoreOutput) = await RunRapportAsync(database, "restore", backup);
        Assert.True(restored == 0, restoreOutput);
        Assert.Contains("pre-restore-", restoreOutput);

        await using var restarted = await RapportApp.StartOnAsync(database);
        Assert.Equal(["Kept"], await restarted.WithDbAsync(userId, db => db.Contacts.Select(c => c.FirstName).ToListAsync()));
        await restarted.StopKeepingDatabaseAsync();

        var (usage, usageOutput) = await RunRapportAsync(database, "restore");
        Assert.Equal(2, usage);
        Assert.Contains("Usage", usageOutput);
    }

    /// <summary>Runs the built app as a separate process, as an administrator would.</summary>
    private static async Task<(int ExitCode, string Output)> RunRapportAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = database.DataDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["App__DataDirectory"] = database.DataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task The_backup_page_downloads_a_sound_database_for_the_owner_and_is_not_found_for_anyone_else()
    {
        await using var app = await RapportApp.StartAsync();
        var owner = (await app.SignInOwnerAsync()).Client;
        var page = await owner.GetPageAsync("/admin/backup");
        var other = await app.SignUpAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync("/admin/backup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync("/admin/backup", [new("__RequestVerificationToken",
            (await other.Client.GetPageAsync("/account/profile")).Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!)])).StatusCode);
        Assert.DoesNotContain("/admin/backup", (await other.Client.GetPageAsync("/account/profile")).Html);
        Assert.Contains("/admin/backup", (await owner.GetPageAsync("/account/profile")).Html);

        if (app.Database.Provider == TestProvider.PostgreSql)
        {
            Assert.Contains("pg_dump", page.Text);
            Assert.Null(page.Document.QuerySelector("main form"));
            return;
        }
        var download = await owner.SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.sqlite3", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("rapport-", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var file = Path.Combine(app.Database.DataDirectory, "downloaded.db");
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        var check = await BackupCheck.CheckAsync(file, BackupCommands.KnownMigrations());
        Assert.True(check.IsSound, check.Message);
        Assert.Single(Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "backups"), "rapport-*.db"));
    }
}
