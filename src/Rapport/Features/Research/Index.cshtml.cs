using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Research;

/// <summary>Step one of the practice: the fields and employers the person is reading up on.</summary>
public class IndexModel(RapportDb db) : PageModel
{
    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];
    public int OrganizationCount { get; private set; }
    public int TargetCount { get; private set; }

    public async Task OnGetAsync()
    {
        Fields = await db.CareerFields.AsNoTracking().OrderBy(f => f.Status).ThenBy(f => f.NormalizedName)
            .Select(f => new FieldRow(f.Id, f.Name, f.Status, f.Description,
                f.OpenQuestions.Count(q => q.AnsweredAtUtc == null),
                db.ContactFields.Count(c => c.CareerFieldId == f.Id)))
            .ToListAsync();
        OrganizationCount = await db.Organizations.CountAsync();
        TargetCount = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Target);
    }

    public sealed record FieldRow(int Id, string Name, CareerFieldStatus Status, string? Description, int OpenQuestions, int People);
}
