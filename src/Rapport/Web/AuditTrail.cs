using System.Security.Claims;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Web;

/// <summary>Writes account activity: a row the owner sees on Account activity, and an Information
/// line in the app log named after the kind. Details are short and never carry secrets.</summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, ILogger<AuditTrail> log)
{
    /// <summary>For the signed-in person.</summary>
    public Task RecordAsync(AuditKind kind, string? detail = null)
    {
        var ownerId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("No signed-in person to record this for.");
        return RecordForAsync(ownerId, kind, detail);
    }

    /// <summary>For an account named explicitly (a sign-in attempt, before anyone is signed in).</summary>
    public async Task RecordForAsync(string ownerId, AuditKind kind, string? detail = null)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        if (detail is { Length: > AuditEvent.DetailMaxLength }) detail = detail[..AuditEvent.DetailMaxLength];
        log.LogInformation(new EventId(1000 + (int)kind, kind.ToString()),
            "Audit {AuditKind} for account {AccountId} from {ClientAddress}: {Detail}", kind, ownerId, address ?? "unknown", detail ?? "");
        // Its own context: the request's may hold unsaved changes (or none may exist), and the row
        // belongs to the account the event is about, who may not be signed in yet.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(ownerId);
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            Detail = detail,
            ClientAddress = address is { Length: <= AuditEvent.ClientAddressMaxLength } ? address : null,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A sign-in for an email without an account: nobody to show it to, so only the app log
    /// has it (without the email, which may be a real person's typo).</summary>
    public void NoteUnknownAccount() =>
        log.LogInformation(new EventId(1100, "SignInUnknownAccount"), "Sign-in refused for an email without an account from {ClientAddress}",
            http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>A sign-in refused because the account (or a made-up email) is locked. Only the app log has
    /// it, the same line for both: writing a row for the real account would make its answer slower.</summary>
    public void NoteRefusedWhileLocked() =>
        log.LogInformation(new EventId(1102, "SignInRefusedWhileLocked"), "Sign-in refused while locked, from {ClientAddress}",
            http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>A signed-in person sent to a page that answered 404 (an id that is not theirs, or no
    /// longer exists) or 403. Only requests that reached a page: a mistyped address is not an attempt.</summary>
    public static IApplicationBuilder UseDeniedAccessAudit(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next();
        if (context.Response.StatusCode is not (StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden)) return;
        if (context.User.Identity?.IsAuthenticated != true || context.GetEndpoint() is null) return;
        // The error page shown for that 404 runs through here again: count the request once.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null) return;
        // Feed addresses carry their token in the path: never write one down.
        if (context.Request.Path.StartsWithSegments("/calendar")) return;
        var detail = $"{context.Request.Method} {context.Request.Path} answered {context.Response.StatusCode}";
        try
        {
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(AuditKind.AccessDenied, detail);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The person already has their answer; a failed note about it must not turn into an error page.
            context.RequestServices.GetRequiredService<ILogger<AuditTrail>>().LogWarning(e, "Could not record a refused address.");
        }
    });
}
