using Microsoft.AspNetCore.Http.Features;
using Rapport.Features.Account;
using Rapport.Features.Calendar;
using Rapport.Features.FollowUps;
using Rapport.Features.Health;

namespace Rapport.Web;

public static class WebSetup
{
    public static IServiceCollection AddRapportWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AuthorizeFolder("/");
                // Only the ways in are open. (Opening the folder and then authorizing single pages does
                // not work: anonymous access wins, which left the calendar and password pages open.)
                options.Conventions.AllowAnonymousToPage("/Account/SignIn");
                options.Conventions.AllowAnonymousToPage("/Account/SignOut");
                options.Conventions.AllowAnonymousToPage("/Account/Register");
                options.Conventions.AllowAnonymousToPage("/Account/Setup");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AddPageRoute("/Today/Index", "");
            })
            .AddMvcOptions(options =>
            {
                // First, so it wraps the others (see RulePassFilter).
                options.Filters.Add<RulePassFilter>();
                options.Filters.Add<UnhandledVerbFilter>();
                options.Filters.Add<UnstorableTextFilter>();
                options.Filters.Add<SavedElsewhereFilter>();
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
        services.AddProxyHeaders(configuration);
        services.AddSingleton<PublicUrl>();
        services.AddScoped<UserTime>();
        return services;
    }

    public static WebApplication UseRapportPipeline(this WebApplication app)
    {
        app.UseProxyHeaders();
        // The error page logs the exception with the reference code it shows, so the middleware does not log it again.
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", SuppressDiagnosticsCallback = _ => true });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseNulTolerantForms();
        if (app.Configuration.GetValue<bool>(Data.SqlCommandCount.Setting)) Data.SqlCommandCount.UseSqlCommandCount(app);
        app.UseRateLimiter();
        app.UseRouting();
        // The follow-up rules follow any write of their facts (pages run them earlier, in RulePassFilter).
        app.UseRulePass();
        app.UseAuthentication();
        app.UseSessionCheckFailure();
        app.UseFirstRunSetup();
        app.UseAuthorization();
        AuditTrail.UseDeniedAccessAudit(app);
        app.MapHealthz();
        app.MapCalendarFeed();
        app.MapRazorPages();
        return app;
    }
}
