using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Account;

/// <summary>The person's own details: the name templates use, the time zone every date is shown in,
/// and the self-introduction they read at the start of each conversation.</summary>
public class ProfileModel(UserManager<RapportUser> users, SignInSessions sessions, RapportDb db) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    /// <summary>The install's owner also sees the backup page.</summary>
    public bool IsInstallOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        IsInstallOwner = await InstallOwner.IsOwnerAsync(db, user.Id, HttpContext.RequestAborted);
        Input = new ProfileInput
        {
            DisplayName = user.DisplayName,
            TimeZoneId = user.TimeZoneId,
            SelfIntroduction = user.SelfIntroduction,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        var zone = TimeZones.ToIanaId(Input.TimeZoneId);
        if (zone is null) ModelState.AddModelError("Input.TimeZoneId", "Choose a time zone from the list.");
        if (!ModelState.IsValid) return Page();

        user.DisplayName = Input.DisplayName.Trim();
        user.TimeZoneId = zone!;
        user.SelfIntroduction = string.IsNullOrWhiteSpace(Input.SelfIntroduction) ? null : Input.SelfIntroduction.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return Page();
        }
        await sessions.RefreshAsync(user);
        TempData["Status"] = "Your profile is saved.";
        return RedirectToPage();
    }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(RapportUser.DisplayNameMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose your time zone.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = "UTC";

        [StringLength(RapportUser.SelfIntroductionMaxLength, ErrorMessage = "Keep it to {1} characters: a few sentences you can say in half a minute.")]
        [Display(Name = "Your self-introduction")]
        public string? SelfIntroduction { get; set; }
    }
}
