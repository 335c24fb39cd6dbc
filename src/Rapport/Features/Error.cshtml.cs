using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapport.Features;

/// <summary>The page shown for errors. A failure (5xx) gets a short reference code, logged with the exception, so a
/// person can quote it and whoever runs the app can find what happened; the page itself shows no exception text.
/// The log redacts secrets from the path and counts repeats of the same failure (Web/RedactedLogging).</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel(ILogger<ErrorModel> log) : PageModel
{
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public int Code { get; private set; } = 500;

    /// <summary>Set for failures only.</summary>
    public string? Reference { get; private set; }

    // The code comes from the address, not from model binding: binding reads the form, which is what may have failed.
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : 500;
        if (Code < 500) return;
        // A failure is logged, with a reference, only when it really happened: someone typing /error/500 gets the page alone.
        if (failure is null && reExecuted is null) return;
        Reference = RandomNumberGenerator.GetString(ReferenceAlphabet, 8);
        // A status message set before the failure (by a handler that meant to say "saved") must not be shown.
        TempData.Remove("Status");
        if (failure is not null)
            log.LogError(failure.Error, "Request failed, reference {Reference}: {Method} {Path} ({Endpoint})",
                Reference, HttpContext.Request.Method, failure.Path, failure.Endpoint?.DisplayName);
        else
            log.LogError("Request failed with status {Status}, reference {Reference}: {Method} {Path}",
                Code, Reference, HttpContext.Request.Method, reExecuted!.OriginalPath);
    }

    /// <summary>The limit a refused body passed, in whole megabytes (rounded down, so it is never more than the limit).</summary>
    private string? LimitText => HttpContext.Items[Web.OversizedRequests.LimitItem] is long bytes
        ? $"{bytes / (1024 * 1024):N0} MB"
        : null;

    private int RetryAfterSeconds => HttpContext.Items[Account.SignInLimits.RetryAfterItem] as int? ?? 60;

    public string Heading => Code switch
    {
        404 => "Not found",
        400 => "That request could not be read",
        403 => "Not allowed",
        413 => "That is too large",
        422 => "That could not be saved",
        429 => "Too many attempts",
        _ => "Something went wrong",
    };

    public string Explanation => Code switch
    {
        404 => "There is nothing at this address, or it is not yours to see.",
        400 => "Part of what was sent was not understood. Go back, check the form and try again.",
        403 => "You do not have access to this.",
        413 => "What you sent is larger than Rapport accepts" + (LimitText is { } limit ? $" here: at most {limit}." : "."),
        422 => $"Nothing was saved: {HttpContext.Items[Web.RefusedValueFilter.MessageItem] as string ?? "a value in it is not one Rapport keeps."} Go back, check it and try again.",
        429 => $"Too many sign-in attempts came from your address. Wait {RetryAfterSeconds} seconds, then try again.",
        _ => "Rapport could not finish this. What you just sent may not have been saved: go back, check, and try again in a moment.",
    };
}
