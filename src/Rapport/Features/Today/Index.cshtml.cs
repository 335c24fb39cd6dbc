using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Today;

/// <summary>The home page: where the person stands today. Tasks and the conversation pipeline join
/// it as those sections are built; for now, the network so far.</summary>
public class IndexModel(RapportDb db) : PageModel
{
    public int ContactCount { get; private set; }

    public IReadOnlyList<RecentContact> Recent { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ContactCount = await db.Contacts.CountAsync();
        Recent = await db.Contacts.AsNoTracking()
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Take(5)
            .Select(c => new RecentContact(c.Id, c.FirstName + (c.LastName == null ? "" : " " + c.LastName), c.Organization == null ? null : c.Organization.Name, c.CreatedAtUtc))
            .ToListAsync();
    }

    public sealed record RecentContact(int Id, string Name, string? Organization, DateTime CreatedAtUtc);
}
