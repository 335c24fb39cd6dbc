using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.FollowUps;

/// <summary>The follow-up rules as settings: when thank-you notes are due, when to chase a reply,
/// how often to keep in touch (overall and by tag), the weekly goal, and the daily reminder email.</summary>
public class RulesModel(UserManager<RapportUser> users, RapportDb db) : PageModel
{
    [BindProperty]
    public RulesInput Input { get; set; } = new();

    public IReadOnlyList<TagCadence> Cadences { get; private set; } = [];
    public bool EmailConfigured { get; private set; }

    /// <summary>The version the form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    public EditState? Edit { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromServices] Reminders.SmtpOptions smtp)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        EmailConfigured = smtp.IsConfigured;
        Input = RulesInput.From(user);
        Edit = EditState.Opening(user, Input.Fields());
        Cadences = await db.TagCadences.AsNoTracking().OrderBy(c => c.TagNormalizedName).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] Reminders.SmtpOptions smtp)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        EmailConfigured = smtp.IsConfigured;
        Cadences = await db.TagCadences.AsNoTracking().OrderBy(c => c.TagNormalizedName).ToListAsync();
        if (!ModelState.IsValid)
        {
            Edit = new EditState(Opened);
            return Page();
        }
        if (Opened.WritableOver(user, RulesInput.From(user).Fields()) is not int over) return Conflict(user);
        user.ThankYouHours = Input.ThankYouHours;
        user.NudgeBusinessDays = Input.NudgeBusinessDays;
        user.FollowUpBusinessDays = Input.FollowUpBusinessDays;
        user.KeepInTouchDays = Input.KeepInTouchOn ? Input.KeepInTouchDays : null;
        user.WeeklyRequestGoal = Input.WeeklyRequestGoal;
        user.LinkedInNoteLimit = Input.LinkedInPremium ? 300 : BuiltInTemplates.LinkedInNoteLimit;
        user.DigestTime = Input.DigestTime;
        // Saved here rather than through the user manager, so the save is checked against the version
        // the form opened at; the stamp is renewed as the user manager would.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (!await db.SaveAsOpenedAsync(user, over))
            return await users.GetUserAsync(User) is { } saved ? Conflict(saved) : Challenge();
        TempData["Status"] = "Your follow-up rules are saved; open tasks follow them.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCadenceAsync(string? tag, int? days, bool off)
    {
        var key = Folding.Fold(tag);
        if (key.Length == 0 || key.Length > ContactTag.NameMaxLength || (!off && days is not (>= 30 and <= 365)))
        {
            TempData["Status"] = "Give a tag and a cadence of 30 to 365 days (or off).";
            return RedirectToPage();
        }
        var cadence = await db.TagCadences.FirstOrDefaultAsync(c => c.TagNormalizedName == key);
        if (cadence is null) db.TagCadences.Add(cadence = new TagCadence { TagNormalizedName = key });
        cadence.Days = off ? null : days;
        await db.SaveChangesAsync();
        TempData["Status"] = $"Contacts tagged “{key}”: {(off ? "no keep-in-touch reminders" : $"keep in touch {(days == 1 ? "every day" : $"every {days} days")}")}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveCadenceAsync(string tag)
    {
        var cadence = await db.TagCadences.FirstOrDefaultAsync(c => c.TagNormalizedName == tag);
        if (cadence is null) return NotFound();
        db.TagCadences.Remove(cadence);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    /// <summary>Saved elsewhere since the form was opened: nothing written, the typing kept, what changed named.</summary>
    private IActionResult Conflict(RapportUser saved)
    {
        ModelState.Clear();
        Edit = EditState.Refused(Opened, saved, RulesInput.From(saved).Fields(), Input.Fields());
        return this.Conflicted();
    }

    public sealed class RulesInput
    {
        public static RulesInput From(RapportUser user) => new()
        {
            ThankYouHours = user.ThankYouHours, NudgeBusinessDays = user.NudgeBusinessDays, FollowUpBusinessDays = user.FollowUpBusinessDays,
            KeepInTouchOn = user.KeepInTouchDays is not null, KeepInTouchDays = user.KeepInTouchDays ?? 90, WeeklyRequestGoal = user.WeeklyRequestGoal,
            LinkedInPremium = user.LinkedInNoteLimit > BuiltInTemplates.LinkedInNoteLimit, DigestTime = user.DigestTime,
        };

        /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
        public IReadOnlyList<FormField> Fields()
        {
            static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return
            [
                new("Thank-you note due after (hours)", N(ThankYouHours)),
                new("Suggest someone else after (business days)", N(NudgeBusinessDays)),
                new("Follow up after (business days)", N(FollowUpBusinessDays)),
                new("Remind me to keep in touch", KeepInTouchOn ? "yes" : "no"),
                new("Keep in touch every (days)", N(KeepInTouchDays)),
                new("New requests a week", N(WeeklyRequestGoal)),
                new("LinkedIn Premium", LinkedInPremium ? "yes" : "no"),
                new("Email me the day's follow-ups at", DigestTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ];
        }

        [Range(24, 168, ErrorMessage = "A thank-you note is due 24 hours to 7 days after a meeting.")]
        [Display(Name = "Thank-you note due after the meeting (hours)")]
        public int ThankYouHours { get; set; } = 48;

        [Range(1, 30, ErrorMessage = "Use 1 to 30 business days.")]
        [Display(Name = "No reply: suggest someone else at the organization after (business days)")]
        public int NudgeBusinessDays { get; set; } = 3;

        [Range(1, 30, ErrorMessage = "Use 1 to 30 business days.")]
        [Display(Name = "No reply: follow up after (business days)")]
        public int FollowUpBusinessDays { get; set; } = 7;

        [Display(Name = "Remind me to keep in touch")]
        public bool KeepInTouchOn { get; set; } = true;

        [Range(30, 365, ErrorMessage = "Keep in touch every 30 to 365 days.")]
        [Display(Name = "Every (days, after the last contact)")]
        public int KeepInTouchDays { get; set; } = 90;

        [Range(0, 50, ErrorMessage = "A weekly goal is 0 to 50 requests.")]
        [Display(Name = "New requests a week (my goal)")]
        public int WeeklyRequestGoal { get; set; } = 3;

        [Display(Name = "I have LinkedIn Premium (300-character invitation notes)")]
        public bool LinkedInPremium { get; set; }

        [Display(Name = "Email me the day's follow-ups at")]
        public TimeOnly? DigestTime { get; set; }
    }
}
