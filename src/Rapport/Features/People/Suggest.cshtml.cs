using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.People;

/// <summary>Name suggestions for picking a contact in a form (htmx fills a datalist as the person types).</summary>
public class SuggestModel(RapportDb db) : PageModel
{
    public IReadOnlyList<string> Names { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var typed = Request.Query.Select(q => q.Value.ToString()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
        var key = Folding.Fold(typed.Length > 200 ? typed[..200] : typed);
        if (key.Length >= 2)
        {
            Names = await db.Contacts.AsNoTracking()
                .Where(c => c.SearchKey.StartsWith(key))
                .OrderBy(c => c.SearchKey)
                .Take(10)
                .Select(c => c.Organization == null ? Contact.FullNameOf(c.FirstName, c.LastName)
                    : Contact.FullNameOf(c.FirstName, c.LastName) + " (" + c.Organization.Name + ")")
                .ToListAsync();
        }
        return Partial("_Suggestions", Names);
    }
}
