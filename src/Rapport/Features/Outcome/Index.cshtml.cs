using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;
using Rapport.Web;

namespace Rapport.Features.Outcome;

/// <summary>How the search turned out. Recording it starts one close-the-loop task per person the
/// person talked with and per referrer, and lists them to write to in one sitting.</summary>
public class IndexModel(RapportDb db, UserTime time, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OutcomeKind Kind { get; set; } = OutcomeKind.TookRole;

    [BindProperty]
    [Required(ErrorMessage = "Say in a sentence how it turned out.")]
    [StringLength(SearchOutcome.TextMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Text { get; set; }

    /// <summary>One outcome as the page lists it.</summary>
    public sealed record RecordedOutcome(DateTime RecordedAtUtc, string Text);

    public IReadOnlyList<RecordedOutcome> Outcomes { get; private set; } = [];
    public IReadOnlyList<TaskRow> ToWrite { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enum.IsDefined(Kind)) ModelState.AddModelError(nameof(Kind), "Choose how it turned out.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.SearchOutcomes.Add(new SearchOutcome { Kind = Kind, Text = Text!.Trim(), RecordedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        TempData["Status"] = "Recorded. Tell the people who helped you: they will be glad to know.";
        return RedirectToPage(null, null, null, "to-write");
    }

    private async Task LoadAsync()
    {
        Outcomes = await db.SearchOutcomes.AsNoTracking().OrderByDescending(o => o.RecordedAtUtc)
            .Select(o => new RecordedOutcome(o.RecordedAtUtc, o.Text)).ToListAsync();
        var groups = await TaskGroups.LoadAsync(db, time, laterLimit: 500);
        ToWrite = groups.Overdue.Concat(groups.Today).Concat(groups.ThisWeek).Concat(groups.Later).Where(t => t.Kind == TaskKind.CloseTheLoop).ToList();
    }
}
