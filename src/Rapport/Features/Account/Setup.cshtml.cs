using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>The first visit to a new install: the person makes the owner's account.</summary>
public class SetupModel(InstallState install, AccountCreation accounts, SignInSessions sessions, DemoData demo, AuditTrail audit) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    [BindProperty]
    public bool LoadSampleData { get; set; }

    public IReadOnlyList<string> TimeZoneIds => TimeZones.Ids;

    public async Task<IActionResult> OnGetAsync() =>
        await install.HasAccountsAsync() ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        await install.SetupLock.WaitAsync();
        try
        {
            if (await install.HasAccountsAsync()) return RedirectToPage("/Account/SignIn");
            var user = await accounts.CreateAsync(Input, ModelState, installOwner: true);
            if (user is null) return Page();
            install.AccountCreated();
            await sessions.SignInAsync(user, persistent: true);
            await audit.RecordForAsync(user.Id, AuditKind.SignedIn, "Owner's account created");
            if (LoadSampleData) await demo.AddSampleContactsAsync();
        }
        finally
        {
            install.SetupLock.Release();
        }
        TempData["Status"] = LoadSampleData
            ? "Welcome to Rapport. Sample contacts are in People so you can look around."
            : "Welcome to Rapport. Start by adding the people you already know.";
        return Redirect("~/");
    }
}
