using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.People;

public class IndexModel(RapportDb db, UserTime time, ContactCounts counts) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public ContactFilter Filter { get; set; } = new();

    // "page" is taken by Razor Pages' own routing, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ContactRows Rows { get; private set; } = null!;
    public IReadOnlyList<Choice> Fields { get; private set; } = [];
    public const int OrganizationChoices = 200;
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];
    public bool OrganizationsAreSortedOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Filter.Q is { Length: > 200 }) Filter.Q = Filter.Q[..200];
        // The filter form sends every field, empty ones too; the address bar shows only what narrows the list.
        var cleanUrl = Url.Page("/People/Index", Filter.RouteValues(PageNumber))!;
        if (Request.IsHtmx()) Response.Headers["HX-Push-Url"] = cleanUrl;
        else if (Request.Query.Any(q => string.IsNullOrEmpty(q.Value))) return Redirect(cleanUrl);
        var today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        var matches = await ContactFullText.FindAsync(db, Filter.Q);
        var contacts = Filter.Apply(db.Contacts.AsNoTracking(), matches, today);
        // Counting every match of a common word would read thousands of rows to print one number:
        // past the limit the list says "more than 1,000" and pages on from what it has shown.
        int total;
        if (matches?.Ids is { } ids && !Filter.HasFilters) total = ids.Count;
        else if (matches is { AreMany: true } && !Filter.HasFilters && db.Database.IsSqlite()) total = ContactFullText.ExactCountLimit + 1;
        else if (matches is { AreMany: true }) total = await contacts.Take(ContactFullText.ExactCountLimit + 1).CountAsync();
        else if (!Filter.HasFilters) total = await counts.GetAsync(db);
        else total = await contacts.CountAsync();
        var atLeast = total > ContactFullText.ExactCountLimit;
        var pages = atLeast ? int.MaxValue : Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(PageNumber, 1, atLeast ? 10_000 : pages);
        var items = await Filter.Order(contacts)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new ContactRow(c.Id, Domain.Contact.FullNameOf(c.FirstName, c.LastName), c.Title,
                c.Organization == null ? null : c.Organization.Name, c.City, c.Priority, c.DoNotContact, c.LastContactedOn))
            .ToListAsync();
        if (atLeast && items.Count < PageSize) pages = page;
        Rows = new ContactRows(items, Filter, page, pages, total, atLeast);

        // htmx live search and filters swap only the rows; the address bar keeps a shareable URL.
        if (Request.IsHtmx()) return Partial("_ContactRows", Rows);
        Fields = await db.CareerFields.AsNoTracking().OrderBy(f => f.NormalizedName).Select(f => new Choice(f.Id, f.Name)).ToListAsync();
        // Every organization while the list is short enough to pick from; past that (an import brings thousands),
        // the ones the person has sorted (target, on hold, ruled out), and any other is reached by searching its name.
        // Both lists come in one query, so the page makes as many queries with ten organizations as with ten thousand;
        // the sorted ones are equalities, read through the status index rather than by walking every name.
        var chosen = Filter.Org ?? 0;
        var rows = await db.Organizations.AsNoTracking().OrderBy(o => o.NormalizedName).Take(OrganizationChoices + 1)
            .Select(o => new OrganizationRow { Sorted = false, Id = o.Id, Name = o.Name, Key = o.NormalizedName })
            .Concat(db.Organizations.AsNoTracking()
                .Where(o => o.Status == Domain.OrganizationStatus.Target || o.Status == Domain.OrganizationStatus.OnHold
                    || o.Status == Domain.OrganizationStatus.RuledOut || o.Id == chosen)
                .OrderBy(o => o.NormalizedName).Take(OrganizationChoices)
                .Select(o => new OrganizationRow { Sorted = true, Id = o.Id, Name = o.Name, Key = o.NormalizedName }))
            .ToListAsync();
        OrganizationsAreSortedOnly = rows.Count(r => !r.Sorted) > OrganizationChoices;
        Organizations = rows.Where(r => r.Sorted == OrganizationsAreSortedOnly).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Take(OrganizationChoices).Select(r => new Choice(r.Id, r.Name)).ToList();
        return Page();
    }
}

// Set by initializers so EF can put a UNION over it.
internal sealed class OrganizationRow
{
    public bool Sorted { get; init; }
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Key { get; init; } = "";
}

public sealed record ContactRow(int Id, string Name, string? Title, string? Organization, string? City,
    Domain.Priority Priority, bool DoNotContact, DateOnly? LastContactedOn);

/// <param name="TotalIsAtLeast">More than <see cref="ContactFullText.ExactCountLimit"/> match: the total is not counted,
/// and <paramref name="Pages"/> is unknown (int.MaxValue) until a short page shows the end.</param>
public sealed record ContactRows(IReadOnlyList<ContactRow> Items, ContactFilter Filter, int Page, int Pages, int Total, bool TotalIsAtLeast = false);
