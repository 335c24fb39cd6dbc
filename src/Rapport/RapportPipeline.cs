using Rapport.Data;
using Rapport.Features.Account;
using Rapport.Features.Calendar;
using Rapport.Features.FollowUps;
using Rapport.Features.Health;
using Rapport.Web;

namespace Rapport;

/// <summary>The order requests pass through the app. It sits beside Program.cs, above the features,
/// because it wires the endpoints some of them own (health, the calendar feed, first-run setup).</summary>
public static class RapportPipeline
{
    public static WebApplication UseRapportPipeline(this WebApplication app)
    {
        app.UseProxyHeaders();
        app.UseTransportSecurity();
        // The error page logs the exception with the reference code it shows, so the middleware does not log it again.
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", SuppressDiagnosticsCallback = _ => true });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseUnreadableBodies();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseNulTolerantForms();
        if (app.Configuration.GetValue<bool>(SqlCommandCount.Setting)) SqlCommandCount.UseSqlCommandCount(app);
        app.UseRateLimiter();
        app.UseRouting();
        // The follow-up rules follow any write of their facts (pages run them earlier, in RulePassFilter).
        app.UseRulePass();
        app.UseAuthentication();
        app.UseSessionCheckFailure();
        app.UseFirstRunSetup();
        app.UseAuthorization();
        AuditTrail.UseDeniedAccessAudit(app);
        app.UseOversizedRequests();
        app.MapHealthz();
        app.MapRapportMetrics(app.Configuration);
        app.MapCalendarFeed();
        app.MapRazorPages();
        return app;
    }
}
