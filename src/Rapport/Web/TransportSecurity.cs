using System.Net;
using Microsoft.AspNetCore.CookiePolicy;

namespace Rapport.Web;

/// <summary>Over HTTPS every cookie is <c>Secure</c> and browsers are told to keep to HTTPS (HSTS); over
/// plain http nothing changes, so a personal install on http://localhost keeps working.
/// A request counts as HTTPS when it came over TLS, when a trusted proxy said so (X-Forwarded-Proto,
/// see <see cref="ProxyHeaders"/>), or when it names the public host of an https <c>App:PublicUrl</c>:
/// a proxy that ends TLS without forwarding the scheme still serves the browser over HTTPS.</summary>
public static class TransportSecurity
{
    /// <summary>A year, and this host only. A year keeps the protection between visits far apart (and is what
    /// browsers' preload rules ask); not includeSubDomains, because Rapport cannot know whether other
    /// names under its domain (a home router, another app) still answer plain http, and HSTS would cut
    /// them off for that year. No <c>preload</c>: that is a promise only the domain's owner can make.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static bool ReachedOverHttps(HttpContext context, PublicUrl publicUrl) =>
        context.Request.IsHttps
        || publicUrl.IsHttps && context.Request.Host.Equals(publicUrl.Host);

    /// <summary>Never on plain http (browsers ignore it there anyway) and never on this machine's own names:
    /// HSTS holds for every port of a host, so it would force https on every other local app.</summary>
    public static bool SendsHsts(HttpContext context, PublicUrl publicUrl) =>
        ReachedOverHttps(context, publicUrl) && !IsLocal(context.Request.Host.Host);

    private static bool IsLocal(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services)
    {
        // One rule for every cookie, whoever sets it (sign-in, antiforgery, TempData, any added later).
        services.AddOptions<CookiePolicyOptions>().Configure<PublicUrl>((options, publicUrl) =>
        {
            options.OnAppendCookie = cookie => MakeSecure(cookie.Context, cookie.CookieOptions, publicUrl);
            options.OnDeleteCookie = cookie => MakeSecure(cookie.Context, cookie.CookieOptions, publicUrl);
        });
        return services;
    }

    private static void MakeSecure(HttpContext context, CookieOptions cookie, PublicUrl publicUrl)
    {
        if (ReachedOverHttps(context, publicUrl)) cookie.Secure = true;
    }

    /// <summary>After the forwarded headers (the scheme must be known), before anything sets a cookie.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        app.UseCookiePolicy();
        return app.Use(async (context, next) =>
        {
            var publicUrl = context.RequestServices.GetRequiredService<PublicUrl>();
            if (SendsHsts(context, publicUrl))
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
                    return Task.CompletedTask;
                });
            await next();
        });
    }
}
