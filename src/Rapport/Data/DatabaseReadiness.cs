namespace Rapport.Data;

/// <summary>The database is brought up to date while the web server starts, rather than before it: start-up
/// then takes the longer of the two, not their sum. Requests, and background work, wait until it is ready.
/// If it fails, the app logs why and stops, as it would have by failing before the server started.</summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    /// <summary>For background work: true once the database is ready, false if preparing it failed (the app is
    /// stopping, and the failure is already logged once: a background service that threw it again would log its stack).</summary>
    public async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception) when (_ready.Task.IsFaulted)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="prepare"/> on the thread pool (database drivers often work synchronously).</summary>
    public void Begin(Func<Task> prepare, IHostApplicationLifetime lifetime, ILogger log) => _ = Task.Run(async () =>
    {
        try
        {
            await prepare();
            // Preparing leaves megabytes of garbage behind (the model, the migrations): hand it back before the app idles.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _ready.TrySetResult();
        }
        catch (Exception e)
        {
            // A cause of the install's own (a wrong password, a file that is not a database) in one line, its stack only
            // for whoever turns on debug logs; anything else is a fault of the app, logged with its stack.
            if (StartupFailure.Explain(e) is { } cause)
            {
                log.LogCritical("Rapport cannot start: {Cause}", cause);
                log.LogDebug(e, "Why the database could not be prepared");
            }
            else log.LogCritical(e, "The database could not be prepared; the app stops");
            _ready.TrySetException(e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    });

    /// <summary>First in the pipeline: a request that arrives before the database is ready waits for it, except on
    /// <paramref name="answeredAtOnce"/> (the health probes, which say themselves whether the app is ready).</summary>
    public static void Use(IApplicationBuilder app, params string[] answeredAtOnce)
    {
        var readiness = app.ApplicationServices.GetRequiredService<DatabaseReadiness>();
        app.Use(async (context, next) =>
        {
            if (!readiness.Ready.IsCompletedSuccessfully && !answeredAtOnce.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)))
                await readiness.Ready.WaitAsync(context.RequestAborted);
            await next(context);
        });
    }
}
