using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Data;

namespace Rapport.Features.Backup;

/// <summary><c>rapport backup [path]</c> and <c>rapport restore &lt;file&gt;</c>: do the work and exit, without
/// starting the web server. They read the same settings as the app (appsettings, environment, arguments).</summary>
public static class BackupCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var command = args[0];
        var operands = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(args.Skip(1 + operands.Length).ToArray());
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= builder.Configuration.GetConnectionString("Rapport");
        var dataFolder = new DataFolder(builder.Configuration, builder.Environment);

        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            errors.WriteLine(PostgresGuidance.Text);
            return 2;
        }
        var connectionString = DataServices.ConnectionStringFor(options, dataFolder);
        var now = DateTime.UtcNow;
        var databasePath = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (command == "backup")
        {
            if (operands.Length > 1) return Usage(errors);
            if (!File.Exists(databasePath))
            {
                errors.WriteLine($"There is no database at {databasePath} yet: start Rapport once to make it, or check App:DataDirectory.");
                return 1;
            }
            var target = operands.Length == 1 ? Path.GetFullPath(operands[0]) : SqliteBackup.DefaultPath(dataFolder.Path, now);
            if (Directory.Exists(target)) target = Path.Combine(target, Path.GetFileName(SqliteBackup.DefaultPath(dataFolder.Path, now)));
            try
            {
                await SqliteBackup.WriteAsync(connectionString, target);
            }
            catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException)
            {
                errors.WriteLine($"The backup failed: {e.Message}");
                return 1;
            }
            output.WriteLine($"Backed up the database to {target}");
            output.WriteLine($"Keep it together with the keys folder ({dataFolder.KeysPath}), or everyone is signed out after a restore.");
            return 0;
        }

        if (operands.Length != 1) return Usage(errors);
        var result = await SqliteRestore.RunAsync(operands[0], databasePath, dataFolder.Path, KnownMigrations(), now);
        (result.Restored ? output : errors).WriteLine(result.Message);
        return result.Restored ? 0 : 1;
    }

    /// <summary>The schema versions this build knows; a backup from a newer one is refused.</summary>
    public static IReadOnlyCollection<string> KnownMigrations() => typeof(RapportDb).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    private static int Usage(TextWriter errors)
    {
        errors.WriteLine("Usage: rapport backup [path]   (a file, or a folder; default: the data folder's backups/)");
        errors.WriteLine("       rapport restore <file>  (with the app stopped)");
        return 2;
    }
}

/// <summary>What to do instead on PostgreSQL, where the database server owns the files.</summary>
public static class PostgresGuidance
{
    public const string Text = """
        Rapport is set to PostgreSQL: back it up with PostgreSQL's own tools, which take a consistent snapshot while the app runs.
          Back up:  pg_dump --format=custom --file=rapport-$(date +%Y%m%d-%H%M%S).dump "postgresql://USER@HOST/rapport"
          Restore:  stop Rapport, then
                    pg_restore --clean --if-exists --no-owner --dbname="postgresql://USER@HOST/rapport" rapport-YYYYMMDD-HHMMSS.dump
        Use a pg_dump at least as new as the server. Keep the data folder's keys/ with the dump, or everyone is signed out after a restore.
        """;
}
