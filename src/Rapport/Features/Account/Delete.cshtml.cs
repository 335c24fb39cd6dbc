using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;

namespace Rapport.Features.Account;

/// <summary>Deleting one's account: every row it owned goes, after the password confirms it is really the person.</summary>
[Authorize]
public class DeleteModel(UserManager<RapportUser> users, AccountDeletion deletion) : PageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Refusal = await deletion.RefusalAsync(user.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Refusal = await deletion.RefusalAsync(user.Id, HttpContext.RequestAborted);
        if (Refusal is not null) return Page();
        if (!ModelState.IsValid) return Page();
        if (Input.Password.Length > PasswordPolicy.MaxLength || !await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", "This is not your password. Nothing was deleted.");
            return Page();
        }
        await deletion.DeleteAsync(user.Id, HttpContext.RequestAborted);
        // The sessions went with the account; this drops the cookie from this browser too.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        TempData["Status"] = "Your account and everything in it are deleted.";
        return Redirect("~/account/sign-in");
    }

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [DataType(DataType.Password)]
        [Display(Name = "Your password")]
        public string Password { get; set; } = "";
    }
}
