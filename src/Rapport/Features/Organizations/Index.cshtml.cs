using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Organizations;

public class IndexModel(RapportDb db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public OrganizationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OrganizationRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }

    public async Task OnGetAsync()
    {
        var organizations = db.Organizations.AsNoTracking();
        var key = Folding.Fold(Query?.Length > 200 ? Query[..200] : Query);
        if (key.Length > 0) organizations = organizations.Where(o => o.NormalizedName.Contains(key));
        if (Status is { } status) organizations = organizations.Where(o => o.Status == status);
        Total = await organizations.CountAsync();
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await organizations.OrderBy(o => o.NormalizedName).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(o => new OrganizationRow(o.Id, o.Name, o.City, o.Status, db.Contacts.Count(c => c.OrganizationId == o.Id)))
            .ToListAsync();
    }

    public sealed record OrganizationRow(int Id, string Name, string? City, OrganizationStatus Status, int Contacts);
}
