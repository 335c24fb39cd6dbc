using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.People;

/// <summary>Two records side by side; the person picks which one to keep, and the other is merged into it.</summary>
public class MergeModel(RapportDb db, ContactMerge merge) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int A { get; set; }

    [BindProperty(SupportsGet = true)]
    public int B { get; set; }

    [BindProperty]
    public int Keep { get; set; }

    public MergeChoice.Side First { get; private set; } = null!;
    public MergeChoice.Side Second { get; private set; } = null!;

    private async Task<bool> ShowAsync()
    {
        var choice = await MergeChoice.LoadAsync(db, A, B);
        if (choice is null) return false;
        (First, Second) = (choice.First, choice.Second);
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await ShowAsync()) return NotFound();
        Keep = A;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (A == B) return NotFound();
        var both = await db.Contacts.Where(c => c.Id == A || c.Id == B)
            .Include(c => c.Organization).Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags)
            .Include(c => c.Fields).ThenInclude(f => f.CareerField).AsSplitQuery().ToListAsync();
        if (both.Count != 2) return NotFound();
        if (Keep != A && Keep != B)
        {
            ModelState.AddModelError(nameof(Keep), "Choose which record to keep.");
            await ShowAsync();
            return Page();
        }
        var (keep, other) = (both.Single(c => c.Id == Keep), both.Single(c => c.Id != Keep));
        await merge.MergeAsync(keep, other);
        TempData["Status"] = $"Merged into {keep.FullName}. Nothing from either record was lost.";
        return RedirectToPage("/People/Details", new { id = keep.Id });
    }
}
