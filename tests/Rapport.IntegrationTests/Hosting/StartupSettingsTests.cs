using System.Diagnostics;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>The built app, started as a process with one wrong setting in its environment, as a self-hoster would set it:
/// it must stop at once, exit non-zero, and say in one line which setting is wrong and why. No database is needed.</summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> Cases => new()
    {
        { "Database__Provider", "Mongo", "Rapport cannot start: Database__Provider: 'Mongo' is not a database Rapport knows: use Sqlite or PostgreSql." },
        { "Database__ConnectionString", "Host=db;Password=s3cret-value;Port=five", "Rapport cannot start: Database__ConnectionString: is not a connection string PostgreSQL understands" },
        { "App__DataDirectory", "a-file/data", "Rapport cannot start: App__DataDirectory: 'a-file/data' (that is {folder}/a-file/data) cannot be written" },
        { "App__PublicUrl", "rapport.example.org", "Rapport cannot start: App__PublicUrl: 'rapport.example.org' is not an absolute http or https address" },
        { "Email__Port", "70000", "Rapport cannot start: Email__Port: 70000 is out of range: from 1 to 65,535." },
        { "Logging__Console__FormatterName", "xml", "Rapport cannot start: Logging__Console__FormatterName: 'xml' is not a log format: use simple, json or systemd." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_wrong_setting_stops_the_start_with_one_line_naming_it_and_a_non_zero_exit(string setting, string value, string said)
    {
        File.WriteAllText(Path.Combine(_folder, "a-file"), "");
        var environment = new Dictionary<string, string> { [setting] = value };
        if (setting == "Database__ConnectionString") environment["Database__Provider"] = "PostgreSql";
        var (exit, output, errors) = await RunAppAsync(environment);
        Assert.Equal(1, exit);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(said.Replace("{folder}", _folder), line);
        Assert.DoesNotContain("s3cret", output + errors);
        Assert.DoesNotContain("   at ", output + errors);
        // Nothing was made: no database, no keys.
        Assert.False(File.Exists(Path.Combine(_folder, "data", "rapport.db")));
        Assert.False(Directory.Exists(Path.Combine(_folder, "data", "keys")));
    }

    public static TheoryData<string> DatabaseCauses => ["not a SQLite file", "a PostgreSQL password refused"];

    [Theory]
    [MemberData(nameof(DatabaseCauses))]
    public async Task A_database_the_app_cannot_use_stops_the_start_with_one_line_naming_the_cause_and_no_stack(string cause)
    {
        var environment = new Dictionary<string, string>();
        string said;
        if (cause == "not a SQLite file")
        {
            Directory.CreateDirectory(Path.Combine(_folder, "data"));
            File.WriteAllText(Path.Combine(_folder, "data", "rapport.db"), "These are my notes, not a database.\n");
            said = "Rapport cannot start: App__DataDirectory: the database file there is not a SQLite database";
        }
        else
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Password = "not the password at all", Database = "postgres" };
            environment["Database__Provider"] = "PostgreSql";
            environment["Database__ConnectionString"] = server.ToString();
            said = "Rapport cannot start: Database__ConnectionString: PostgreSQL refused the password";
        }
        var (exit, output, errors) = await RunAppAsync(environment);
        Assert.Equal(1, exit);
        Assert.Contains(said, output + errors);
        Assert.False((output + errors).Contains("   at ", StringComparison.Ordinal), "A stack trace was shown:\n" + output + errors);
        Assert.DoesNotContain("not the password at all", output + errors);
        if (cause == "not a SQLite file")
            Assert.Equal("These are my notes, not a database.\n", File.ReadAllText(Path.Combine(_folder, "data", "rapport.db")));
    }

    private async Task<(int Exit, string Output, string Errors)> RunAppAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(PublishedApp.BuiltDll);
        // Only what the test sets: nothing of the machine's own Rapport settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("App__") || k.StartsWith("Database__") || k.StartsWith("Email__") || k.StartsWith("Logging__")).ToList())
            start.Environment.Remove(key);
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["App__DataDirectory"] = Path.Combine(_folder, "data");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await app.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            Assert.Fail("The app started instead of stopping at the wrong setting.");
        }
        return (app.ExitCode, await output, await errors);
    }
}
