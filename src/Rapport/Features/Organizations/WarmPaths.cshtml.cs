using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Organizations;

/// <summary>"Who can introduce me at X": X typed as the person remembers it, matched to their organizations with
/// case and accents folded. One match, or a name matched exactly, shows its warm paths; several are listed to choose
/// from; none is said plainly.</summary>
public class WarmPathsModel(RapportDb db) : PageModel
{
    public const int MatchesShown = 20;

    [BindProperty(SupportsGet = true, Name = "at")]
    public string? At { get; set; }

    /// <summary>The organization whose paths are shown, when one was found.</summary>
    public OrganizationPage? Found { get; private set; }

    /// <summary>Organizations whose name holds what was typed, when no one name is it.</summary>
    public IReadOnlyList<PersonLink> Matches { get; private set; } = [];

    public bool Searched => !string.IsNullOrWhiteSpace(At);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Searched) return Page();
        var key = Organization.Normalize(Folding.Truncate(At!.Trim(), Organization.NameMaxLength));
        var id = await db.Organizations.AsNoTracking().Where(o => o.NormalizedName == key).Select(o => (int?)o.Id).FirstOrDefaultAsync();
        if (id is null && key.Length > 0)
        {
            Matches = await db.Organizations.AsNoTracking().Where(o => o.NormalizedName.Contains(key)).OrderBy(o => o.NormalizedName)
                .Take(MatchesShown).Select(o => new PersonLink(o.Id, o.Name)).ToListAsync();
            if (Matches is [var only]) id = only.Id;
        }
        if (id is int found) Found = await OrganizationPage.LoadAsync(db, found);
        return Page();
    }
}
