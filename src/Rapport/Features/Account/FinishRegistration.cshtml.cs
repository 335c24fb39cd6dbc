using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>The page the registration email links to: the person chooses a password and the account is
/// made, its address confirmed (only its owner could read the link). The link works until it expires; once
/// the account exists, using it again is answered like any registration of a taken email.</summary>
public class FinishRegistrationModel(
    IOptions<AccountOptions> options, RegistrationMail mail, AccountCreation accounts, SignInSessions sessions, AuditTrail audit) : PageModel
{
    /// <summary>The sealed registration from the email's link. Not named "code": the error page reads a
    /// field of that name as the status it shows.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty]
    public ChosenPassword Input { get; set; } = new();

    public PendingRegistration? Pending { get; private set; }

    public bool Open => options.Value.Registration == RegistrationMode.Open;

    public IActionResult OnGet()
    {
        if (!Open) Response.StatusCode = StatusCodes.Status403Forbidden;
        else Pending = mail.Open(Key);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Open)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Pending = mail.Open(Key);
        if (Pending is null || !ModelState.IsValid) return Page();
        var input = new NewAccountInput
        {
            DisplayName = Pending.DisplayName,
            Email = Pending.Email,
            Password = Input.Password,
            ConfirmPassword = Input.ConfirmPassword,
            TimeZoneId = Pending.TimeZoneId,
        };
        var user = await accounts.CreateAsync(input, ModelState, emailConfirmed: true);
        if (user is null) return Page();
        await sessions.SignInAsync(user, persistent: false);
        await audit.RecordForAsync(user.Id, AuditKind.SignedIn, "Account created from the emailed link");
        TempData["Status"] = "Welcome to Rapport. Start by adding the people you already know.";
        return Redirect("~/");
    }
}
