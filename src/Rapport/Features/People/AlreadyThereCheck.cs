using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.People;

/// <summary>Looks for the person being added among the contacts already there, by the rules of the Possible
/// duplicates page (<see cref="Duplicates"/>): the same email address, the same LinkedIn profile, or a very similar
/// name at the same organization. Asked before a new contact is saved, so the duplicate is never made by accident.</summary>
public sealed class AlreadyThereCheck(RapportDb db)
{
    private const int Shown = 5;

    // Names are compared within one organization; a very large one is read up to this many people.
    private const int ColleaguesRead = 2_000;

    public async Task<IReadOnlyList<AlreadyThere>> FindAsync(Contact adding)
    {
        var found = new List<AlreadyThere>();
        var emails = adding.Emails.Select(e => e.NormalizedAddress).Distinct().ToList();
        if (emails.Count > 0)
        {
            var byEmail = await db.Contacts.AsNoTracking()
                .Where(c => c.Emails.Any(e => emails.Contains(e.NormalizedAddress)))
                .OrderBy(c => c.SearchKey).Take(Shown)
                .Select(c => new { c.Id, c.FirstName, c.LastName, Email = c.Emails.Where(e => emails.Contains(e.NormalizedAddress)).Select(e => e.Address).First() })
                .ToListAsync();
            found.AddRange(byEmail.Select(c => new AlreadyThere(new PersonLink(c.Id, Contact.FullNameOf(c.FirstName, c.LastName)), $"the same email address ({c.Email})")));
        }
        if (adding.LinkedInUrl is { } profile)
        {
            var byProfile = await db.Contacts.AsNoTracking().Where(c => c.LinkedInUrl == profile)
                .OrderBy(c => c.SearchKey).Take(Shown).Select(c => new { c.Id, c.FirstName, c.LastName }).ToListAsync();
            found.AddRange(byProfile.Select(c => new AlreadyThere(new PersonLink(c.Id, Contact.FullNameOf(c.FirstName, c.LastName)), "the same LinkedIn profile")));
        }
        if (adding.Organization is { Id: > 0 } organization)
        {
            var colleagues = await db.Contacts.AsNoTracking().Where(c => c.OrganizationId == organization.Id)
                .OrderBy(c => c.SearchKey).Take(ColleaguesRead).Select(c => new { c.Id, c.FirstName, c.LastName, c.SearchKey }).ToListAsync();
            found.AddRange(colleagues.Where(c => Duplicates.SimilarNames(c.SearchKey, adding.SearchKey))
                .Select(c => new AlreadyThere(new PersonLink(c.Id, Contact.FullNameOf(c.FirstName, c.LastName)), $"a very similar name at {organization.Name}")));
        }
        return found.DistinctBy(f => f.Contact.Id).Take(Shown).ToList();
    }
}
