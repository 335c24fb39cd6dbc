using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Account;

public class SignInModel(
    UserManager<RapportUser> users, SignInManager<RapportUser> signIn, SignInSessions sessions,
    IOptions<AccountOptions> accountOptions, DemoOptions demo,
    UnknownAccountAttempts unknown, AuditTrail audit, RapportMetrics metrics) : PageModel
{
    public const string WrongCredentials = "That email and password do not match an account.";
    public const string LockedOut = "Too many wrong passwords: this account is locked for 15 minutes. Try again later.";

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
        if (Input.Password.Length > PasswordPolicy.MaxLength) return Refused(WrongCredentials);
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        // Locked, a real account and a made-up email take one path: no password is checked and nothing
        // is written (the lockout itself was recorded when it began), so neither the answer nor the
        // work behind it tells them apart.
        if (user is null ? unknown.IsLockedOut(email) : await users.IsLockedOutAsync(user))
        {
            audit.NoteRefusedWhileLocked();
            return Refused(LockedOut);
        }
        if (user is null)
        {
            // The same answers, after the same password check, as for an account that exists.
            audit.NoteUnknownAccount();
            unknown.CheckThrowaway(users.PasswordHasher, Input.Password);
            return Refused(unknown.Fail(email) ? LockedOut : WrongCredentials);
        }
        // lockoutOnFailure: true, or failed attempts are never counted (the scaffolded default is false).
        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.RecordForAsync(user.Id, AuditKind.LockedOut, "Locked for 15 minutes after five wrong passwords");
            return Refused(LockedOut);
        }
        if (!result.Succeeded)
        {
            await audit.RecordForAsync(user.Id, AuditKind.SignInFailed, "Wrong password");
            return Refused(WrongCredentials);
        }
        await sessions.SignInAsync(user, Input.RememberMe);
        await audit.RecordForAsync(user.Id, AuditKind.SignedIn, Input.RememberMe ? "Kept signed in on this device" : null);
        return LocalRedirect(SafeReturnUrl);
    }

    private PageResult Refused(string message)
    {
        metrics.SignInFailed(message == LockedOut ? "locked_out" : "wrong_password");
        ModelState.AddModelError("", message);
        return Page();
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
