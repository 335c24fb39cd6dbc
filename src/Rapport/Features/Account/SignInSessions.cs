using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Account;

/// <summary>Signs browsers in and out with a server-side record per sign-in (see <see cref="UserSession"/>).
/// Identity's cookie alone is a self-contained ticket that outlives sign-out.</summary>
public sealed class SignInSessions(
    RapportDb db, CurrentOwner owner, SignInManager<RapportUser> signIn, IHttpContextAccessor http, TimeProvider clock)
{
    public const string SessionClaim = "rapport:sid";

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("Signing in needs a request.");

    public async Task SignInAsync(RapportUser user, bool persistent)
    {
        owner.ActAs(user.Id);
        if (user.DateOrder is null || user.TwentyFourHourClock is null)
        {
            // The first sign-in: dates read as the browser's language writes them, until the person chooses.
            var style = DateStyle.FromLanguages(Http.Request.Headers.AcceptLanguage.ToString());
            (user.DateOrder, user.TwentyFourHourClock) = (style.Order, style.TwentyFourHour);
        }
        var session = new UserSession { Id = NewId(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.Add(session);
        await db.SaveChangesAsync();
        await IssueCookieAsync(user, session.Id, new AuthenticationProperties { IsPersistent = persistent });
    }

    /// <summary>Re-issues this browser's cookie after the profile or password changed, keeping its session.</summary>
    public async Task RefreshAsync(RapportUser user)
    {
        var current = await Http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var sessionId = current.Principal?.FindFirstValue(SessionClaim);
        if (sessionId is null) return;
        await IssueCookieAsync(user, sessionId, current.Properties ?? new AuthenticationProperties());
    }

    public async Task SignOutAsync()
    {
        var sessionId = Http.User.FindFirstValue(SessionClaim);
        if (sessionId is not null && owner.Id is not null)
            await db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteDeleteAsync();
        await Http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Signs out every other browser of this user, now (after a password change).</summary>
    public async Task EndOtherSessionsAsync()
    {
        var sessionId = Http.User.FindFirstValue(SessionClaim);
        await db.Set<UserSession>().Where(s => s.Id != sessionId).ExecuteDeleteAsync();
    }

    private async Task IssueCookieAsync(RapportUser user, string sessionId, AuthenticationProperties properties)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, sessionId));
        await Http.SignInAsync(IdentityConstants.ApplicationScheme, principal, properties);
    }

    private static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Compiled once: this runs on every request, and a query naming the filters it ignores is not
    // found in EF's query cache (the list is a new array each time), so it would be compiled each time.
    private static readonly Func<RapportDb, string, string, CancellationToken, Task<bool>> SessionExists =
        EF.CompileAsyncQuery((RapportDb db, string sessionId, string userId, CancellationToken cancellationToken) =>
            db.Set<UserSession>().IgnoreQueryFilters(new[] { RapportDb.OwnerFilter }).Any(s => s.Id == sessionId && s.OwnerId == userId));

    /// <summary>Cookie check on every request: the session must still exist, then Identity's
    /// security-stamp check runs (every minute) so a password change ends other sign-ins.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = context.Principal?.FindFirstValue(SessionClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<RapportDb>();
        bool alive;
        try
        {
            // The first query of every signed-in request: the page's own queries reuse the connection from here on.
            if (userId is not null && sessionId is not null) await db.HoldConnectionAsync(context.HttpContext.RequestAborted);
            alive = userId is not null && sessionId is not null && await SessionExists(db, sessionId, userId, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is System.Data.Common.DbException || e.InnerException is System.Data.Common.DbException)
        {
            // The database did not answer. Authentication remembers its result for the whole request, error page
            // included, so it must not fail here: the request is signed out (the cookie stays) and the failure is
            // raised just after authentication (see SessionCheckFailure), where the error page can then be shown.
            context.RejectPrincipal();
            context.HttpContext.Items[SessionCheckFailure.Key] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            return;
        }
        if (!alive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (StampCheckDue(context)) await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Identity's own test, made before asking for its validator: the validator comes with a sign-in manager,
    /// a user manager and their helpers, built on every request only to find, most of the time, that the check is not due.</summary>
    private static bool StampCheckDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        return issued is null || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued.Value > options.ValidationInterval;
    }

    /// <summary>Identity rebuilds the principal when it re-checks the stamp; keep the session claim.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        var sessionId = context.CurrentPrincipal?.FindFirstValue(SessionClaim);
        if (sessionId is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(SessionClaim, sessionId));
        return Task.CompletedTask;
    }
}

/// <summary>Raises, after authentication, a database failure met while checking the session (see ValidateAsync).</summary>
public static class SessionCheckFailure
{
    public const string Key = "Rapport.SessionCheckFailure";

    public static IApplicationBuilder UseSessionCheckFailure(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.Remove(Key, out var failure) && failure is System.Runtime.ExceptionServices.ExceptionDispatchInfo captured) captured.Throw();
        await next();
    });
}
