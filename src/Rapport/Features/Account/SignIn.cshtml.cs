using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rapport.Data;

namespace Rapport.Features.Account;

public class SignInModel(
    UserManager<RapportUser> users, SignInManager<RapportUser> signIn, SignInSessions sessions,
    IOptions<AccountOptions> accountOptions, DemoOptions demo) : PageModel
{
    public const string WrongCredentials = "That email and password do not match an account.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool RegistrationOpen => accountOptions.Value.Registration == RegistrationMode.Open;

    public bool ShowDemoCredentials => demo.Enabled;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // Never hash an oversized input: a megabyte "password" is a cheap way to load the server.
        var user = Input.Password.Length > PasswordPolicy.MaxLength ? null : await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", WrongCredentials);
            return Page();
        }
        // lockoutOnFailure: true, or failed attempts are never counted (the scaffolded default is false).
        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "Too many wrong passwords: this account is locked for 15 minutes. Try again later.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", WrongCredentials);
            return Page();
        }
        await sessions.SignInAsync(user, Input.RememberMe);
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>Only a path inside this app; anything else ("//evil.example", "https:...") goes home.</summary>
    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
