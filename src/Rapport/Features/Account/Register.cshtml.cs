using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>Open registration, for hosted instances. Closed by default: a personal install has one owner.
/// With a mail server, every email gets the same answer and the email says the rest (see
/// <see cref="RegistrationMail"/>); without one, the account is made at once, and an email that already
/// has one is told so, each such answer counted per client address (<see cref="ExistingAccountAnswers"/>).
/// Why: docs/decisions/017-registration-that-does-not-tell.md.</summary>
public class RegisterModel(
    IOptions<AccountOptions> options, AccountCreation accounts, SignInSessions sessions, AuditTrail audit,
    UserManager<RapportUser> users, RegistrationMail mail, ExistingAccountAnswers existing, ILogger<RegisterModel> log) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public bool Open => options.Value.Registration == RegistrationMode.Open;

    /// <summary>The account is finished from a link sent to the address; the password is chosen there.</summary>
    public bool ByEmail => mail.IsOn;

    public bool Sent { get; private set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return Redirect("~/");
        if (!Open) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>Where every registration by email leads, whatever the address.</summary>
    public IActionResult OnGetSent()
    {
        if (!Open) Response.StatusCode = StatusCodes.Status403Forbidden;
        Sent = Open;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Open)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        return ByEmail ? await ByEmailAsync() : await AtOnceAsync();
    }

    private async Task<IActionResult> ByEmailAsync()
    {
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Password)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.ConfirmPassword)}");
        var zone = TimeZones.ToIanaId(Input.TimeZoneId);
        if (zone is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TimeZoneId)}", "Choose a time zone from the list.");
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var hasAccount = await users.FindByEmailAsync(email) is not null;
        await mail.SendAsync(email, hasAccount, Input.DisplayName.Trim(), zone!);
        // The same redirect for both, so the answer says nothing of who has an account.
        return RedirectToPage(null, "Sent");
    }

    private async Task<IActionResult> AtOnceAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (existing.WaitFor(address) is { } wait) return TooManyAttempts(address, wait);
        if (!ModelState.IsValid) return Page();
        var user = await accounts.CreateAsync(Input, ModelState);
        if (user is null)
        {
            var emailErrors = ModelState[$"{nameof(Input)}.{nameof(Input.Email)}"]?.Errors ?? [];
            if (emailErrors.Any(e => e.ErrorMessage == AccountCreation.EmailTaken)) existing.Count(address);
            return Page();
        }
        await sessions.SignInAsync(user, persistent: false);
        await audit.RecordForAsync(user.Id, AuditKind.SignedIn, "Account created");
        TempData["Status"] = "Welcome to Rapport. Start by adding the people you already know.";
        return Redirect("~/");
    }

    /// <summary>The same answer as the per-address limit on password posts: 429, Retry-After, the error page.</summary>
    private StatusCodeResult TooManyAttempts(string address, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        HttpContext.Items[SignInLimits.RetryAfterItem] = seconds;
        log.LogWarning(new EventId(1104, "RegistrationWaitForExistingAccounts"),
            "Registrations refused for {ClientAddress} for {Seconds} s after answers that emails have accounts", address, seconds);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
