using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

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

    public Contact First { get; private set; } = null!;
    public Contact Second { get; private set; } = null!;

    private async Task<bool> LoadAsync(bool tracked)
    {
        if (A == B) return false;
        var query = db.Contacts.Where(c => c.Id == A || c.Id == B)
            .Include(c => c.Organization).Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Tags)
            .Include(c => c.Fields).ThenInclude(f => f.CareerField).AsSplitQuery();
        var both = await (tracked ? query : query.AsNoTracking()).ToListAsync();
        if (both.Count != 2) return false;
        First = both.Single(c => c.Id == A);
        Second = both.Single(c => c.Id == B);
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracked: false)) return NotFound();
        Keep = A;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracked: true)) return NotFound();
        if (Keep != A && Keep != B)
        {
            ModelState.AddModelError(nameof(Keep), "Choose which record to keep.");
            return Page();
        }
        var (keep, other) = Keep == A ? (First, Second) : (Second, First);
        await merge.MergeAsync(keep, other);
        TempData["Status"] = $"Merged into {keep.FullName}. Nothing from either record was lost.";
        return RedirectToPage("/People/Details", new { id = keep.Id });
    }
}
