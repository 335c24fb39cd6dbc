using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Health;

public static class Healthz
{
    /// <summary>The process answers, whatever the database does: for a container's liveness probe, which restarts
    /// what does not answer. It reads nothing and does not wait for the database to be prepared.</summary>
    public const string Live = "/healthz/live";

    /// <summary>The app can serve: prepared, and the database answers (<see cref="Check"/>). 503 "starting" while
    /// the database is being prepared at start-up, without waiting for it: for a readiness probe or a load balancer.</summary>
    public const string Ready = "/healthz/ready";

    /// <summary><c>/healthz</c>, as before the two above: the readiness check, waiting for start-up to finish.</summary>
    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", Check).AllowAnonymous();
        endpoints.MapGet(Live, () => Results.Text("ok\n", "text/plain")).AllowAnonymous();
        endpoints.MapGet(Ready, (DatabaseReadiness readiness, RapportDb db, DatabaseFailures failures, ILogger<RapportDb> log, CancellationToken cancellationToken) =>
            readiness.Ready.IsCompletedSuccessfully ? Check(db, failures, log, cancellationToken)
                : Task.FromResult(Results.Text("starting\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable))).AllowAnonymous();
        return endpoints;
    }

    /// <summary>200 when the database answers a query and, if a command failed since the last check, takes a test
    /// write; 503 otherwise. It turns 200 again by itself once the database is back.</summary>
    private static async Task<IResult> Check(RapportDb db, DatabaseFailures failures, ILogger<RapportDb> log, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(e, "Health check: the database did not answer");
            return Results.Text("database unreachable\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (failures.FailedSinceLastProbe)
        {
            try
            {
                await DatabaseFailures.ProbeWriteAsync(db, timeout.Token);
                failures.Recovered();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Health check: the database answers but does not take a write");
                return Results.Text("database cannot save\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }
        return Results.Text("ok\n", "text/plain");
    }
}
