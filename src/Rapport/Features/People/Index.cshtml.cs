using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.People;

public class IndexModel(RapportDb db) : PageModel
{
    public const int PageSize = 50;
    public const int MaxQueryLength = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // "page" is taken by Razor Pages' own routing, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ContactRows Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var query = Query?.Trim() ?? "";
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        var folded = SearchText.Fold(query);

        var contacts = db.Contacts.AsNoTracking();
        if (folded.Length > 0) contacts = contacts.Where(c => c.SearchKey.Contains(folded));
        var total = await contacts.CountAsync();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(PageNumber, 1, pages);
        var items = await contacts
            .OrderBy(c => c.SearchKey).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new ContactRow(c.Id, c.Name, c.Organization, c.Email))
            .ToListAsync();
        Rows = new ContactRows(items, query, page, pages, total);

        // htmx live search swaps only the rows; the address bar keeps a shareable URL.
        return Request.IsHtmx() ? Partial("_ContactRows", Rows) : Page();
    }
}

public sealed record ContactRow(int Id, string Name, string? Organization, string? Email);

public sealed record ContactRows(IReadOnlyList<ContactRow> Items, string Query, int Page, int Pages, int Total);
