using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>Changing the password signs out every other browser of the account at once.</summary>
public class ChangePasswordModel(UserManager<RapportUser> users, SignInSessions sessions, AuditTrail audit) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        if (Input.CurrentPassword.Length > PasswordPolicy.MaxLength || !await users.CheckPasswordAsync(user, Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", "This is not your current password.");
            return Page();
        }
        // ChangePasswordAsync also renews the security stamp, which ends other sign-ins within a minute;
        // deleting their sessions ends them now.
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.NewPassword" : "";
                ModelState.AddModelError(key, error.Description);
            }
            return Page();
        }
        await sessions.EndOtherSessionsAsync();
        await audit.RecordAsync(AuditKind.PasswordChanged, "Other browsers signed out");
        await sessions.RefreshAsync(user);
        TempData["Status"] = "Your password is changed. Other browsers signed in to your account have been signed out.";
        return RedirectToPage("/Account/Profile");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
