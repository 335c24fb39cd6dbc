using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Features.Reminders;

namespace Rapport.Features.Account;

/// <summary>The install's mail server as set, and "Send me a test email", which reports the server's answer in plain
/// words. For the install's owner only: anyone else gets 404, as if the page did not exist. Nothing set here: mail is
/// set where the app is started (the README's settings).</summary>
public class EmailModel(RapportDb db, UserManager<RapportUser> users, SmtpOptions smtp, SmtpMail mail) : PageModel
{
    public SmtpOptions Settings => smtp;

    /// <summary>What became of the test email, after a press.</summary>
    public MailOutcome? Outcome { get; private set; }

    public string? SentTo { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await InstallOwner.IsOwnerAsync(db, db.OwnerId, HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await InstallOwner.IsOwnerAsync(db, db.OwnerId, HttpContext.RequestAborted)) return NotFound();
        var user = await users.GetUserAsync(User);
        if (user?.Email is not { } to) return NotFound();
        SentTo = to;
        Outcome = await mail.TrySendAsync(to, "Rapport: a test email",
            $"This is the test email you asked for on Rapport's Email page.\n\nIt left through {smtp.Host}:{smtp.Port} ({smtp.SecurityInUse}), so the daily reminders and the registration emails can leave the same way.\n",
            HttpContext.RequestAborted);
        return Page();
    }
}
