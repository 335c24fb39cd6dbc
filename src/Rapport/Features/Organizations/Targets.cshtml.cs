using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Organizations;

/// <summary>The target list: employers marked "target", ranked by motivation, then postings, then
/// advocacy, with the scores editable in place.</summary>
public class TargetsModel(RapportDb db) : PageModel
{
    public IReadOnlyList<TargetEntry> Ranked { get; private set; } = [];

    /// <summary>The person's own yes/no on advocacy, where they gave one.</summary>
    public IReadOnlyDictionary<int, bool?> AdvocateOverrides { get; private set; } = new Dictionary<int, bool?>();

    /// <summary>Targets where nobody the person knows works now or worked before.</summary>
    public IReadOnlySet<int> WithoutWarmPath { get; private set; } = new HashSet<int>();

    public async Task OnGetAsync()
    {
        var targets = await db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Target)
            .Select(o => new
            {
                o.Id, o.Name, o.Motivation, o.Postings, o.AdvocateOverride,
                HasContacts = db.Contacts.Any(c => c.OrganizationId == o.Id && !c.DoNotContact),
                // A warm path (Domain/WarmPaths) is someone there now or before: looked up in the same query, not one per organization.
                WorkedThere = db.PastPositions.Any(p => p.OrganizationKey == o.NormalizedName && !p.Contact!.DoNotContact),
            })
            .ToListAsync();
        AdvocateOverrides = targets.ToDictionary(t => t.Id, t => t.AdvocateOverride);
        WithoutWarmPath = targets.Where(t => !t.HasContacts && !t.WorkedThere).Select(t => t.Id).ToHashSet();
        Ranked = TargetList.Rank(targets.Select(t => new TargetEntry(t.Id, t.Name, t.Motivation, t.Postings, t.AdvocateOverride ?? t.HasContacts)));
    }

    public async Task<IActionResult> OnPostScoreAsync(int id, int? motivation, int? postings, string? advocate)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id);
        if (organization is null) return NotFound();
        if (!TargetList.IsValidMotivation(motivation) || !TargetList.IsValidPostings(postings) || advocate is not (null or "" or "yes" or "no"))
        {
            TempData["Status"] = "Scores are motivation 0 to 3, postings 1 to 3, and advocate yes, no or from contacts.";
            return RedirectToPage();
        }
        organization.Motivation = motivation;
        organization.Postings = postings;
        organization.AdvocateOverride = advocate switch { "yes" => true, "no" => false, _ => null };
        await db.SaveChangesAsync();
        TempData["Status"] = $"Scores for {organization.Name} are saved.";
        return RedirectToPage();
    }
}
