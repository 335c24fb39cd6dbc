using System.Security.Cryptography;
using System.Text;
using Rapport.Data;
using Rapport.Features.Account;
using Rapport.Web;

namespace Rapport.Features.Health;

/// <summary>Prometheus text at <c>/metrics</c>, when <c>Metrics:Prometheus</c> is on; never public: it answers the
/// install's owner signed in, or a scraper that sends <c>Authorization: Bearer</c> with <c>Metrics:Token</c>. Anyone
/// else gets 404, as if it did not exist (the figures tell how busy the install is and how sign-ins fail).</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string TokenSetting = "Metrics:Token";

    public static IEndpointRouteBuilder MapRapportMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!MetricsSetup.PrometheusOn(configuration)) return endpoints;
        var token = configuration[TokenSetting];
        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (HasToken(context, token) || await IsOwnerAsync(context)) await next(context);
            else context.Response.StatusCode = StatusCodes.Status404NotFound;
        }), optionsName: null);
        return endpoints;
    }

    private static bool HasToken(HttpContext context, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var sent = context.Request.Headers.Authorization.ToString();
        if (!sent.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent[7..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    private static async Task<bool> IsOwnerAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true) return false;
        var db = context.RequestServices.GetRequiredService<RapportDb>();
        return await InstallOwner.IsOwnerAsync(db, db.OwnerId, context.RequestAborted);
    }
}
