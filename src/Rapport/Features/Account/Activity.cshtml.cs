using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Account;

/// <summary>What happened to this account, newest first: sign-ins (and wrong passwords), lockouts,
/// password changes, the calendar feed, exports, imports and refused addresses.</summary>
public class ActivityModel(RapportDb db) : PageModel
{
    public const int PageSize = 50;

    // "page" is taken by Razor Pages' own routing, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNewer => PageNumber > 1;
    public bool HasOlder { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The Account folder is open to visitors (sign-in lives there), so this page asks for a sign-in itself.
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var rows = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new Row(e.AtUtc, e.Kind, e.Detail, e.ClientAddress))
            .ToListAsync();
        HasOlder = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        return Page();
    }

    public sealed record Row(DateTime AtUtc, AuditKind Kind, string? Detail, string? ClientAddress)
    {
        public string What => Kind switch
        {
            AuditKind.SignedIn => "Signed in",
            AuditKind.SignInFailed => "Sign-in refused",
            AuditKind.LockedOut => "Account locked",
            AuditKind.PasswordChanged => "Password changed",
            AuditKind.CalendarFeedIssued => "Calendar feed address made",
            AuditKind.CalendarFeedTurnedOff => "Calendar feed turned off",
            AuditKind.Exported => "Data exported",
            AuditKind.Imported => "Contacts imported",
            AuditKind.AccessDenied => "Address refused",
            AuditKind.SignedOut => "Signed out",
            _ => Kind.ToString(),
        };
    }
}
