using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Health;

public static class Healthz
{
    /// <summary>200 when the database answers a query, 503 when it does not. For load balancers and monitors.</summary>
    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (RapportDb db, ILogger<RapportDb> log, CancellationToken cancellationToken) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
                return Results.Text("ok\n", "text/plain");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Health check: the database did not answer");
                return Results.Text("database unreachable\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return endpoints;
    }
}
