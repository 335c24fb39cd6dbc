using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Health;

public static class Healthz
{
    /// <summary>200 when the database answers a query and, if a command failed since the last check, takes a test
    /// write; 503 otherwise. For load balancers and monitors: it turns 200 again by itself once the database is back.</summary>
    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (RapportDb db, DatabaseFailures failures, ILogger<RapportDb> log, CancellationToken cancellationToken) =>
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
        }).AllowAnonymous();
        return endpoints;
    }
}
