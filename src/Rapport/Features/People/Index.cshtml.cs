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

    /// <summary>A page starts after or before a person (<see cref="ListPosition"/>); "p" then only numbers it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public ContactRows Rows { get; private set; } = null!;
    public PeopleColumns Columns { get; private set; } = PeopleColumns.All;
    public IReadOnlyList<Choice> Fields { get; private set; } = [];
    public const int OrganizationChoices = 200;
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];
    public bool OrganizationsAreSortedOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Filter.Q is { Length: > 200 }) Filter.Q = Filter.Q[..200];
        // The filter form sends every field, empty ones too; the address bar shows only what narrows the list.
        Filter.Settle();
        var after = ListPosition.Parse(After);
        var before = after is null ? ListPosition.Parse(Before) : null;
        // A position written under another sort (a hand-edited address) starts at the top.
        var keyedSort = PeopleSort.For(Filter.Sort) ?? (Filter.Ascending ? null : PeopleSort.NameDescending);
        var keyed = keyedSort is not null;
        if (PageNumber <= 1 || after?.Keyed != keyed && before?.Keyed != keyed) (after, before) = (null, null);
        var cleanUrl = Url.Page("/People/Index", ContactRows.Route(Filter, PageNumber, after, before))!;
        if (Request.IsHtmx()) Response.Headers["HX-Push-Url"] = cleanUrl;
        else if (Request.Query.Any(q => string.IsNullOrEmpty(q.Value))) return Redirect(cleanUrl);
        Columns = await ChosenColumnsAsync();
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
        List<ContactRow> items;
        ListPosition? previous = null, next = null;
        bool hasPrevious, hasNext;
        (items, previous, next, hasPrevious) = keyedSort is { } sort
            ? await ListPage.ByKeyAsync(db, contacts, sort, Filter.Ascending, after, before, PageSize)
            : await ListPage.ByNameAsync(db, contacts, after, before, PageSize);
        hasNext = next is not null;
        // Numbered from the page it came from, kept within what the list now holds: a page read from the top is
        // page 1, and the one with nothing after it the last, whatever the address said.
        if (!hasPrevious) page = 1;
        else if (!hasNext && !atLeast) page = Math.Max(pages, 2);
        else page = Math.Clamp(page, 2, atLeast ? int.MaxValue : Math.Max(2, pages - 1));
        if (atLeast && !hasNext) pages = page;
        else if (!atLeast) pages = Math.Max(pages, page);
        Rows = new ContactRows(items, Filter, page, pages, total, atLeast, hasPrevious, hasNext, previous, next, Columns, today);

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

    /// <summary>The columns the person chose to see, kept on their account: the same table on every device.</summary>
    public async Task<IActionResult> OnPostColumnsAsync(string[]? columns, string? returnUrl)
    {
        var chosen = PeopleColumns.Chosen(columns ?? []);
        // Not a profile edit: the account's version stays, so a profile form open in another tab still saves.
        await db.Users.Where(u => u.Id == db.OwnerId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PeopleColumns, chosen.Stored));
        return LocalRedirect(returnUrl is { Length: < 2_000 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/people", StringComparison.Ordinal)
            ? returnUrl : Url.Page("/People/Index")!);
    }

    private async Task<PeopleColumns> ChosenColumnsAsync() =>
        PeopleColumns.Parse(await db.Users.AsNoTracking().Where(u => u.Id == db.OwnerId).Select(u => u.PeopleColumns).FirstOrDefaultAsync());
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
    Domain.Priority Priority, bool DoNotContact, DateOnly? LastContactedOn, bool HasPhoto = false,
    Domain.ContactSource? Source = null, Domain.ConversationStage? Stage = null, DateTime? NextTaskDueUtc = null, string? NextTask = null);

/// <param name="TotalIsAtLeast">More than <see cref="ContactFullText.ExactCountLimit"/> match: the total is not counted,
/// and <paramref name="Pages"/> is unknown (int.MaxValue) until a short page shows the end.</param>
/// <param name="PreviousFrom">Where the previous page ends (null: it is the first page, or pages are counted).</param>
/// <param name="NextFrom">Where the next page starts (null when pages are counted).</param>
public sealed record ContactRows(IReadOnlyList<ContactRow> Items, ContactFilter Filter, int Page, int Pages, int Total, bool TotalIsAtLeast = false,
    bool HasPrevious = false, bool HasNext = false, ListPosition? PreviousFrom = null, ListPosition? NextFrom = null,
    PeopleColumns? Columns = null, DateOnly Today = default)
{
    public PeopleColumns Shown => Columns ?? PeopleColumns.All;

    // Page 2's Previous is the top of the list, with an address to match.
    public Dictionary<string, string> PreviousRoute => Route(Filter, Page - 1, null, Page <= 2 ? null : PreviousFrom);
    public Dictionary<string, string> NextRoute => Route(Filter, Page + 1, NextFrom, null);

    public static Dictionary<string, string> Route(ContactFilter filter, int page, ListPosition? after, ListPosition? before)
    {
        var route = filter.RouteValues(page);
        // A page past the first is known by where it starts; without one it is the first.
        if (after is not null) route["after"] = after.ToString();
        else if (before is not null) route["before"] = before.ToString();
        else route.Remove("p");
        return route;
    }
}
