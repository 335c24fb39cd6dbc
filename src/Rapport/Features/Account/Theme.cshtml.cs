using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Features.Shared;

namespace Rapport.Features.Account;

/// <summary>Light, dark, or as the device is set: chosen from the account menu or the profile, remembered for the
/// person (every browser they sign in with), and carried in the cookie so no page has to read it.</summary>
public class ThemeModel(UserManager<RapportUser> users, SignInSessions sessions, RapportDb db) : PageModel
{
    /// <summary>A string, so that a value that is no theme comes back as a message beside the field, not a default.</summary>
    [BindProperty]
    public string? Choice { get; set; }

    /// <summary>The page the switch was used on, to go back to.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Domain.Theme Current { get; private set; }

    public void OnGet() => Current = ThemeClaim.Of(User);

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!Enum.TryParse<Domain.Theme>(Choice, ignoreCase: true, out var theme) || !Enum.IsDefined(theme) || int.TryParse(Choice, out _))
        {
            ModelState.AddModelError(nameof(Choice), "Choose a theme: as my device, light or dark.");
            Current = user.Theme;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (user.Theme != theme)
        {
            user.Theme = theme;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
            await sessions.RefreshAsync(user);
        }
        TempData["Status"] = theme == Domain.Theme.System ? "Rapport now follows your device's light or dark setting." : $"Rapport now looks {theme.ToString().ToLowerInvariant()}.";
        return Url.IsLocalUrl(ReturnUrl) ? Redirect(ReturnUrl) : RedirectToPage();
    }
}
