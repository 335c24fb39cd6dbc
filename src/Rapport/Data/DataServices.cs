using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data;

public static class DataServices
{
    /// <summary>One model for both providers, chosen by <c>Database:Provider</c>. Not pooled: a pooled
    /// context would carry one user's owner filter into another's request.</summary>
    public static IServiceCollection AddRapportData(this IServiceCollection services, IConfiguration configuration, DataFolder dataFolder)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Rapport");
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentOwner>();
        services.AddScoped<RuleFactChanges>();
        services.AddScoped<DemoData>();
        services.AddSingleton(configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions());
        services.AddSingleton<OwnershipInterceptor>();
        services.AddSingleton<StampingInterceptor>();
        services.AddSingleton<ValueCheckInterceptor>();
        services.AddSingleton<ContactCounts>();
        services.AddSingleton<ContactCountInterceptor>();
        services.AddSingleton<RuleFactInterceptor>();
        services.AddSingleton<ContactSummaryInterceptor>();
        services.AddSingleton<SqliteConnectionSetup>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<DatabaseFailures>();
        var countCommands = configuration.GetValue<bool>(SqlCommandCount.Setting);
        if (countCommands) services.AddSingleton<SqlCommandCount>();

        var connectionString = ConnectionStringFor(options, dataFolder);
        // The options are built once, not for every request's context: they hold nothing of a request (the
        // interceptors are singletons, the owner is read through the context), and building them anew cost every
        // request more than the session check's query itself.
        services.AddDbContext<RapportDb>((provider, db) =>
        {
            if (options.Provider == DatabaseProvider.Sqlite)
                db.UseSqlite(connectionString).AddInterceptors(provider.GetRequiredService<SqliteConnectionSetup>());
            else
                db.UseNpgsql(connectionString);
            // The rule-fact interceptor after the ownership one, which stamps the owner it reads on new rows.
            db.AddInterceptors(provider.GetRequiredService<OwnershipInterceptor>(), provider.GetRequiredService<StampingInterceptor>(),
                provider.GetRequiredService<ValueCheckInterceptor>(),
                provider.GetRequiredService<ContactCountInterceptor>(), provider.GetRequiredService<RuleFactInterceptor>(),
                provider.GetRequiredService<ContactSummaryInterceptor>(),
                provider.GetRequiredService<DatabaseFailures>(), RulesInQueries.Instance);
            if (countCommands) db.AddInterceptors(provider.GetRequiredService<SqlCommandCount>());
            // The model snapshot holds SQLite's column types (drafted with dotnet-ef on SQLite, decision record 002), so on
            // PostgreSQL EF would call every column a pending change. scripts/test runs EF's check on SQLite, and the drift
            // tests compare the migrations with the model on both databases.
            // A failed command, query, save or connection throws, and whoever handles the exception logs it once, with
            // its stack and the request's reference (the error page, each background pass). EF's own error lines for it
            // would repeat each failure once or twice more per request, the SQL text included: kept for Debug only.
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning).Log(
                (RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        }, optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    public static string ConnectionStringFor(DatabaseOptions options, DataFolder dataFolder)
    {
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new InvalidOperationException("Database:Provider is PostgreSql but no connection string is set (Database:ConnectionString or ConnectionStrings:Rapport).")
                : PostgresPool.WithPreparedStatements(PostgresPool.Bounded(options.ConnectionString));
        }
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? "");
        if (string.IsNullOrEmpty(builder.DataSource)) builder.DataSource = Path.Combine(dataFolder.Path, "rapport.db");
        builder.ForeignKeys = true;
        builder.DefaultTimeout = SqliteConnectionSetup.BusyTimeoutMilliseconds / 1000;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Brings the schema up to date and, on SQLite, switches the file to WAL (a persistent setting). On SQLite, a
    /// database with data is copied first, and written back if an upgrade fails (<see cref="UpgradeCopy"/>).</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (!options.MigrateOnStartup) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            await db.Database.CloseConnectionAsync();
        }
        // Most starts have nothing to apply, and asking EF to migrate anyway costs a tenth of a second of start-up.
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UpgradeCopy));
            await StaleMigrationLock.ClearAsync(db, log);
            var copy = await UpgradeCopy.TakeAsync(db, pending, log);
            try
            {
                await db.Database.MigrateAsync();
            }
            catch (Exception e) when (copy is not null)
            {
                await db.Database.CloseConnectionAsync();
                await copy.RestoreAsync();
                throw new DatabaseUpgradeFailed($"The database could not be upgraded ({e.Message.TrimEnd('.')}). It is as it was before this start; a copy of it is also in {copy.Path}", e);
            }
        }
        if (db.Database.IsSqlite()) await SqlitePlannerStats.WriteAsync(db);
        await SearchTextRepair.RunAsync(services);
        await PastPositionKeys.FillAsync(services);
    }
}
