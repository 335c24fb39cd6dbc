using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Calendar;

/// <summary>The private calendar feed: made once and shown once, renewed with the password (the old
/// address stops at once), turned off, and with or without the meetings' details.</summary>
public class FeedSettingsModel(RapportDb db, UserManager<RapportUser> users, PublicUrl links, TimeProvider clock, AuditTrail audit) : PageModel
{
    public CalendarFeed? Feed { get; private set; }

    /// <summary>Only right after making or renewing: the address is never shown again.</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task OnGetAsync() => Feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await db.CalendarFeeds.AnyAsync()) return RedirectToPage();
        return await IssueAsync(null);
    }

    public async Task<IActionResult> OnPostRenewAsync(string? password)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync();
        if (feed is null) return RedirectToPage();
        var user = await users.GetUserAsync(User);
        if (user is null || string.IsNullOrEmpty(password) || password.Length > Account.PasswordPolicy.MaxLength || !await users.CheckPasswordAsync(user, password))
        {
            ModelState.AddModelError("password", "This is not your password.");
            Feed = feed;
            return Page();
        }
        return await IssueAsync(feed);
    }

    public async Task<IActionResult> OnPostDetailsAsync(bool includeDetails)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync();
        if (feed is null) return RedirectToPage();
        feed.IncludeDetails = includeDetails;
        await db.SaveChangesAsync();
        TempData["Status"] = includeDetails ? "The feed now carries places, links and questions." : "The feed now carries titles and times only.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await db.CalendarFeeds.ExecuteDeleteAsync() > 0) await audit.RecordAsync(AuditKind.CalendarFeedTurnedOff);
        TempData["Status"] = "The calendar feed is turned off; its address no longer works.";
        return RedirectToPage();
    }

    private async Task<IActionResult> IssueAsync(CalendarFeed? existing)
    {
        var token = CalendarFeedTokens.NewToken();
        if (existing is not null) db.CalendarFeeds.Remove(existing);
        var feed = new CalendarFeed
        {
            TokenHash = CalendarFeedTokens.Hash(token),
            IncludeDetails = existing?.IncludeDetails ?? false,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (existing is not null) await db.SaveChangesAsync();
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditKind.CalendarFeedIssued, existing is null ? "Made" : "Renewed; the old address stopped working");
        Feed = feed;
        NewFeedUrl = links.For($"/calendar/{token}.ics");
        return Page();
    }
}
