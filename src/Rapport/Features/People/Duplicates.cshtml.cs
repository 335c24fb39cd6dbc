using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.People;

/// <summary>Pairs of contacts that are probably one person, each with a way to merge them.</summary>
public class DuplicatesModel(RapportDb db) : PageModel
{
    public const int MaxShown = 200;

    public IReadOnlyList<(PersonLink First, PersonLink Second, string Reason)> Pairs { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Select(c => new { c.Id, c.SearchKey, Org = c.Organization == null ? null : c.Organization.NormalizedName, c.LinkedInUrl, c.FirstName, c.LastName })
            .ToListAsync();
        var emails = (await db.ContactEmails.AsNoTracking().Select(e => new { e.ContactId, e.NormalizedAddress }).ToListAsync())
            .ToLookup(e => e.ContactId, e => e.NormalizedAddress);
        var pairs = Duplicates.Find(contacts.Select(c => new DuplicateKeys(c.Id, c.SearchKey, c.Org, c.LinkedInUrl, emails[c.Id].ToList())));
        Total = pairs.Count;
        var names = contacts.ToDictionary(c => c.Id, c => Contact.FullNameOf(c.FirstName, c.LastName));
        Pairs = pairs.Take(MaxShown).Select(p => (new PersonLink(p.FirstId, names[p.FirstId]), new PersonLink(p.SecondId, names[p.SecondId]), p.Reason)).ToList();
    }
}
