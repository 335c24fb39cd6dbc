using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>Open registration, for hosted instances. Closed by default: a personal install has one owner.</summary>
public class RegisterModel(IOptions<AccountOptions> options, AccountCreation accounts, SignInSessions sessions, AuditTrail audit) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public bool Open => options.Value.Registration == RegistrationMode.Open;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return Redirect("~/");
        if (!Open) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Open)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var user = await accounts.CreateAsync(Input, ModelState);
        if (user is null) return Page();
        await sessions.SignInAsync(user, persistent: false);
        await audit.RecordForAsync(user.Id, Domain.AuditKind.SignedIn, "Account created");
        TempData["Status"] = "Welcome to Rapport. Start by adding the people you already know.";
        return Redirect("~/");
    }
}
