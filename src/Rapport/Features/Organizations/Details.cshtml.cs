using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.People;
using Rapport.Features.Shared;
using Rapport.Formats;

namespace Rapport.Features.Organizations;

public class DetailsModel(RapportDb db) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<PersonLink> Fields { get; private set; } = [];
    public IReadOnlyList<PersonAtOrganization> People { get; private set; } = [];
    public string NotesHtml { get; private set; } = "";
    public bool HasAdvocate { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);
        if (organization is null) return NotFound();
        Organization = organization;
        NotesHtml = SafeMarkdown.ToHtml(organization.Notes);
        Fields = await db.OrganizationFields.AsNoTracking().Where(f => f.OrganizationId == id)
            .Select(f => new PersonLink(f.CareerFieldId, f.CareerField!.Name)).ToListAsync();
        People = await db.Contacts.AsNoTracking().Where(c => c.OrganizationId == id).OrderBy(c => c.SearchKey).Take(500)
            .Select(c => new PersonAtOrganization(c.Id, Contact.FullNameOf(c.FirstName, c.LastName), c.Title, c.DoNotContact))
            .ToListAsync();
        HasAdvocate = organization.AdvocateOverride ?? People.Count > 0;
        return Page();
    }

    public sealed record PersonAtOrganization(int Id, string Name, string? Title, bool DoNotContact);
}
