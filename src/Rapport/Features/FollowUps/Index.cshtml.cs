using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.FollowUps;

/// <summary>Every follow-up: what the rules made (thank-you notes, replies to chase, promises, referrals,
/// keeping in touch, closing the loop) and the person's own. Done, snoozed, edited or dismissed here.</summary>
public class IndexModel(RapportDb db, UserTime time, TimeProvider clock) : PageModel
{
    public TaskGroups Groups { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Say what to do.")]
    [StringLength(FollowUpTask.TitleMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? NewTitle { get; set; }

    [BindProperty]
    public DateOnly? NewDue { get; set; }

    public Task OnGetAsync() => LoadAsync();

    private async Task LoadAsync() => Groups = await TaskGroups.LoadAsync(db, time, laterLimit: 200);

    public Task<IActionResult> OnPostDoneAsync(int id) => ChangeAsync(id, t => t.DoneAtUtc = clock.GetUtcNow().UtcDateTime, "Done.");

    public Task<IActionResult> OnPostDismissAsync(int id) => ChangeAsync(id, t => t.DismissedAtUtc = clock.GetUtcNow().UtcDateTime, "Dismissed: it will not come back.");

    public Task<IActionResult> OnPostSnoozeAsync(int id, int days) => days is < 1 or > 60
        ? Task.FromResult<IActionResult>(BadRequest())
        : ChangeAsync(id, t => t.SnoozedUntilUtc = Morning(days), $"Snoozed for {days} {(days == 1 ? "day" : "days")}.");

    /// <summary>The version an edit form of a task was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public Shared.OpenedAt Opened { get; set; } = new();

    /// <summary>A task edit refused because the task changed since its form was shown.</summary>
    public TaskEdit? Refused { get; private set; }

    public async Task<IActionResult> OnPostEditAsync(int id, string? title, string? notes, DateOnly? due)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > FollowUpTask.TitleMaxLength || notes?.Length > FollowUpTask.NotesMaxLength)
        {
            TempData["Status"] = $"A task needs a title (at most {FollowUpTask.TitleMaxLength} characters).";
            return RedirectToPage();
        }
        // Checked as stored: 09:00 on the first day allowed can fall before it in UTC.
        if (due is DateOnly day && (!YearRange.Holds(day) || !YearRange.Holds(TimeZones.ToUtc(day.ToDateTime(new TimeOnly(9, 0)), time.Zone))))
        {
            TempData["Status"] = YearRange.Message;
            return RedirectToPage();
        }
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return NotFound();
        var typed = TaskEdit.Fields(title, notes, due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var over = Opened.WritableOver(task, TaskEdit.Fields(task, time));
        if (over is int writable)
        {
            // A field the person did not change keeps its stored value exactly (FieldEdit); what they typed is trimmed.
            task.Title = FieldEdit.Line(task.Title, title) ?? "";
            task.Notes = FieldEdit.Text(task.Notes, notes, trim: true);
            if (due is DateOnly d)
            {
                task.DueUtc = TimeZones.ToUtc(d.ToDateTime(new TimeOnly(9, 0)), time.Zone);
                task.SnoozedUntilUtc = null;
            }
            if (await db.SaveAsOpenedAsync(task, writable))
            {
                if (Request.IsHtmx()) return new NoContentResult();
                TempData["Status"] = "Saved.";
                var back = Request.Form["returnUrl"].ToString();
                return Url.IsLocalUrl(back) ? Redirect(back) : RedirectToPage();
            }
            task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
            if (task is null) return NotFound();
        }
        // Changed elsewhere since the form was shown (by hand in another tab, or by the rules): the
        // edit comes back at the top of the page with what the person typed and what changed.
        var edit = Shared.EditState.Refused(Opened, task, TaskEdit.Fields(task, time), typed);
        Refused = new TaskEdit(id, title, notes, due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), edit);
        await LoadAsync();
        return this.Conflicted();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (NewDue is DateOnly day && (!YearRange.Holds(day) || !YearRange.Holds(TimeZones.ToUtc(day.ToDateTime(new TimeOnly(9, 0)), time.Zone))))
            ModelState.AddModelError(nameof(NewDue), YearRange.Message);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var due = NewDue ?? DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        db.FollowUpTasks.Add(new FollowUpTask
        {
            Kind = TaskKind.Own, Title = NewTitle!.Trim(), AllDay = true,
            DueUtc = TimeZones.ToUtc(due.ToDateTime(new TimeOnly(9, 0)), time.Zone),
        });
        await db.SaveChangesAsync();
        TempData["Status"] = "Added.";
        return RedirectToPage();
    }

    /// <summary>09:00 in the person's zone, some days from today.</summary>
    private DateTime Morning(int days)
    {
        var date = DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow().UtcDateTime)).AddDays(days);
        return TimeZones.ToUtc(date.ToDateTime(new TimeOnly(9, 0)), time.Zone);
    }

    private async Task<IActionResult> ChangeAsync(int id, Action<FollowUpTask> change, string status)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return NotFound();
        change(task);
        await db.SaveChangesAsync();
        if (Request.IsHtmx()) return new NoContentResult();
        TempData["Status"] = status;
        var back = Request.Form["returnUrl"].ToString();
        return Url.IsLocalUrl(back) ? Redirect(back) : RedirectToPage();
    }
}

/// <summary>A task's edit form: what it shows, to say what changed since it was opened.</summary>
public sealed record TaskEdit(int Id, string? Title, string? Notes, string? Due, EditState Edit)
{
    public static IReadOnlyList<FormField> Fields(string? title, string? notes, string? due) => [new("What", title), new("Notes", notes), new("Due", due)];

    public static IReadOnlyList<FormField> Fields(FollowUpTask task, Web.UserTime time) =>
        Fields(task.Title, task.Notes, time.ToLocal(task.ShowsAtUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
