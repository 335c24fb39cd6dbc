using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Features.People;
using Rapport.Features.Shared;
using Rapport.Formats;

namespace Rapport.Features.Organizations;

public class DetailsModel(RapportDb db) : PageModel
{
    public OrganizationPage.Facts Organization { get; private set; } = null!;
    public IReadOnlyList<PersonLink> Fields => Organization.Fields;
    public IReadOnlyList<OrganizationPage.Person> People { get; private set; } = [];
    public string NotesHtml { get; private set; } = "";
    public bool HasAdvocate { get; private set; }
    public IReadOnlyList<Rapport.Domain.WarmPath> WarmPaths { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        var page = await OrganizationPage.LoadAsync(db, id);
        if (page is null) return NotFound();
        (Organization, People, HasAdvocate, WarmPaths) = (page.Organization, page.People, page.HasAdvocate, page.WarmPaths);
        NotesHtml = SafeMarkdown.ToHtml(Organization.Notes);
        return Page();
    }
}
