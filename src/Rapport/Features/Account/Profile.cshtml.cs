using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Account;

/// <summary>The person's own details: the name templates use, the time zone and date style every date is shown in,
/// the self-introduction they read at the start of each conversation, and their school (alumni are warm paths).</summary>
public class ProfileModel(UserManager<RapportUser> users, SignInSessions sessions, RapportDb db) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>The version the form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    public EditState? Edit { get; private set; }

    public string Email { get; private set; } = "";

    /// <summary>The install's owner also sees the backup page.</summary>
    public bool IsInstallOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        IsInstallOwner = await InstallOwner.IsOwnerAsync(db, user.Id, HttpContext.RequestAborted);
        Input = ProfileInput.From(user);
        Edit = EditState.Opening(user, Input.Fields());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        var zone = TimeZones.ToIanaId(Input.TimeZoneId);
        if (zone is null) ModelState.AddModelError("Input.TimeZoneId", "Choose a time zone from the list.");
        if (ModelState.GetFieldValidationState("Input.DateOrder") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid || !Enum.IsDefined(Input.DateOrder))
        {
            ModelState.Remove("Input.DateOrder");
            ModelState.AddModelError("Input.DateOrder", "Choose one of the date orders.");
        }
        if (!ModelState.IsValid)
        {
            Edit = new EditState(Opened);
            return Page();
        }
        if (Opened.WritableOver(user, ProfileInput.From(user).Fields()) is not int over) return Conflict(user);

        // A field the person did not change keeps its stored value exactly (FieldEdit); what they typed is trimmed.
        user.DisplayName = FieldEdit.Line(user.DisplayName, Input.DisplayName) ?? "";
        user.TimeZoneId = zone!;
        (user.DateOrder, user.TwentyFourHourClock) = (Input.DateOrder, Input.TwentyFourHourClock);
        user.SelfIntroduction = FieldEdit.Text(user.SelfIntroduction, Input.SelfIntroduction, trim: true);
        user.School = FieldEdit.Line(user.School, Input.School);
        // Saved here rather than through the user manager, so the save is checked against the version
        // the form opened at; the stamp is renewed as the user manager would.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (!await db.SaveAsOpenedAsync(user, over))
            return await users.GetUserAsync(User) is { } saved ? Conflict(saved) : Challenge();
        await sessions.RefreshAsync(user);
        TempData["Status"] = "Your profile is saved.";
        return RedirectToPage();
    }

    /// <summary>Saved elsewhere since the form was opened: nothing written, the typing kept, what changed named.</summary>
    private IActionResult Conflict(RapportUser saved)
    {
        ModelState.Clear();
        Edit = EditState.Refused(Opened, saved, ProfileInput.From(saved).Fields(), Input.Fields());
        return this.Conflicted();
    }

    public sealed class ProfileInput
    {
        public static ProfileInput From(RapportUser user) =>
            new()
            {
                DisplayName = user.DisplayName, TimeZoneId = user.TimeZoneId, SelfIntroduction = user.SelfIntroduction, School = user.School,
                DateOrder = user.DateStyle.Order, TwentyFourHourClock = user.DateStyle.TwentyFourHour,
            };

        /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
        public IReadOnlyList<FormField> Fields() =>
            [new("Your name", DisplayName), new("Time zone", TimeZoneId), new("Your self-introduction", SelfIntroduction),
             new("Dates", Labels.Of(DateOrder)), new("Clock", TwentyFourHourClock ? "24-hour" : "12-hour"), new("Your school", School)];

        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(RapportUser.DisplayNameMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose your time zone.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = "UTC";

        [Display(Name = "Dates")]
        public DateOrder DateOrder { get; set; }

        [Display(Name = "Clock")]
        public bool TwentyFourHourClock { get; set; } = true;

        [StringLength(RapportUser.SelfIntroductionMaxLength, ErrorMessage = "Keep it to {1} characters: a few sentences you can say in half a minute.")]
        [Display(Name = "Your self-introduction")]
        public string? SelfIntroduction { get; set; }

        [StringLength(Contact.SchoolMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Your school")]
        public string? School { get; set; }
    }
}
