using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Rapport.Web;

/// <summary>Behind a reverse proxy every request comes from the proxy's address; the client's is in
/// X-Forwarded-For. That header is honoured only when <c>App:TrustForwardedHeaders</c> is on, and
/// only from the proxies listed in <c>App:KnownProxies</c> (this machine's loopback is always one):
/// anyone else could write any address in it and dodge the sign-in limits.</summary>
public static class ProxyHeaders
{
    public const string TrustSetting = "App:TrustForwardedHeaders";
    public const string ProxiesSetting = "App:KnownProxies";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var text in Listed(configuration[ProxiesSetting]))
            {
                if (!IPAddress.TryParse(text, out var address))
                    throw new InvalidOperationException($"{ProxiesSetting} must list IP addresses, not '{text}'.");
                options.KnownProxies.Add(address);
            }
        });
        return services;
    }

    /// <summary>The proxies as written: separated by commas, semicolons or spaces.</summary>
    public static string[] Listed(string? setting) => (setting ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);

    public static IApplicationBuilder UseProxyHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(TrustSetting)) app.UseForwardedHeaders();
        return app;
    }
}
