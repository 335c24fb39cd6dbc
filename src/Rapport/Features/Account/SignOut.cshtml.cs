using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>Signing out is a POST (a link could be triggered by another site); GET asks first.</summary>
public class SignOutModel(SignInSessions sessions, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(Domain.AuditKind.SignedOut);
            await sessions.SignOutAsync();
        }
        // Empties this site's storage and cache in the browser even where site.js did not run.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        TempData["Status"] = "You are signed out.";
        return RedirectToPage("/Account/SignIn");
    }
}
