using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Web;

namespace Rapport.Features.People;

public class IndexModel(RapportDb db, UserTime time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public ContactFilter Filter { get; set; } = new();

    // "page" is taken by Razor Pages' own routing, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ContactRows Rows { get; private set; } = null!;
    public IReadOnlyList<Choice> Fields { get; private set; } = [];
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Filter.Q is { Length: > 200 }) Filter.Q = Filter.Q[..200];
        // The filter form sends every field, empty ones too; the address bar shows only what narrows the list.
        var cleanUrl = Url.Page("/People/Index", Filter.RouteValues(PageNumber))!;
        if (Request.IsHtmx()) Response.Headers["HX-Push-Url"] = cleanUrl;
        else if (Request.Query.Any(q => string.IsNullOrEmpty(q.Value))) return Redirect(cleanUrl);
        var today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        var contacts = Filter.Apply(db.Contacts.AsNoTracking(), db, today);
        var total = await contacts.CountAsync();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(PageNumber, 1, pages);
        var items = await Filter.Order(contacts)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new ContactRow(c.Id, c.FirstName + (c.LastName == null ? "" : " " + c.LastName), c.Title,
                c.Organization == null ? null : c.Organization.Name, c.City, c.Priority, c.DoNotContact, c.LastContactedOn))
            .ToListAsync();
        Rows = new ContactRows(items, Filter, page, pages, total);

        // htmx live search and filters swap only the rows; the address bar keeps a shareable URL.
        if (Request.IsHtmx()) return Partial("_ContactRows", Rows);
        Fields = await db.CareerFields.AsNoTracking().OrderBy(f => f.NormalizedName).Select(f => new Choice(f.Id, f.Name)).ToListAsync();
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.NormalizedName).Take(1000).Select(o => new Choice(o.Id, o.Name)).ToListAsync();
        return Page();
    }
}

public sealed record ContactRow(int Id, string Name, string? Title, string? Organization, string? City,
    Domain.Priority Priority, bool DoNotContact, DateOnly? LastContactedOn);

public sealed record ContactRows(IReadOnlyList<ContactRow> Items, ContactFilter Filter, int Page, int Pages, int Total);
