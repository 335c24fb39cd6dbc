using Microsoft.AspNetCore.Http.Features;

namespace Rapport.Web;

public static class WebSetup
{
    public static IServiceCollection AddRapportWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRapportMetrics(configuration);
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AuthorizeFolder("/");
                // Only the ways in are open. (Opening the folder and then authorizing single pages does
                // not work: anonymous access wins, which left the calendar and password pages open.)
                options.Conventions.AllowAnonymousToPage("/Account/SignIn");
                options.Conventions.AllowAnonymousToPage("/Account/SignOut");
                options.Conventions.AllowAnonymousToPage("/Account/Register");
                options.Conventions.AllowAnonymousToPage("/Account/FinishRegistration");
                options.Conventions.AllowAnonymousToPage("/Account/Setup");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AddPageRoute("/Today/Index", "");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<UnhandledVerbFilter>();
                options.Filters.Add<UnstorableTextFilter>();
                options.Filters.Add<SavedElsewhereFilter>();
                options.Filters.Add<RefusedValueFilter>();
            });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // htmx sends the token in this header (see site.js); plain forms send the hidden field.
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "Rapport.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = 1_024;
            o.ValueLengthLimit = 4 * 1024 * 1024;
        });
        // Every log line, the framework's included, passes through one redaction of secrets.
        services.AddRedactedLogging();
        services.AddProxyHeaders(configuration);
        services.AddSingleton<PublicUrl>();
        services.AddTransportSecurity();
        services.AddScoped<UserTime>();
        services.AddScoped<AuditTrail>();
        return services;
    }
}
