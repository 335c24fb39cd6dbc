using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.ImportExport;
using Rapport.Web;

namespace Rapport.Features.People;

/// <summary>One action on several contacts at once. Every id must be the person's own: a list that
/// names anyone else's contact (or one that does not exist) is refused whole with 404.</summary>
public class BulkModel(RapportDb db, ContactExport export, Trash.TrashCan trash, AuditTrail audit) : PageModel
{
    public const int MaxSelection = 5_000;

    [BindProperty]
    public List<int> Ids { get; set; } = [];

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    /// <summary>The list view (with its filters) to go back to.</summary>
    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Names { get; private set; } = [];

    public string? Problem { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/People/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var ids = Ids.Distinct().ToList();
        if (ids.Count == 0) return Back("Select at least one person first.");
        if (ids.Count > MaxSelection) return Back($"Select at most {MaxSelection:N0} people at a time.");
        var contacts = await db.Contacts.Where(c => ids.Contains(c.Id))
            .Include(c => c.Organization).Include(c => c.Tags).Include(c => c.Emails).Include(c => c.Fields)
            .AsSplitQuery().ToListAsync();
        if (contacts.Count != ids.Count) return NotFound();
        var value = Value?.Trim() ?? "";

        switch (Action)
        {
            case "tag":
                if (value.Length is 0 or > ContactTag.NameMaxLength) return Back($"Type the tag to add (at most {ContactTag.NameMaxLength} characters).");
                foreach (var contact in contacts)
                {
                    contact.SetTags(contact.Tags.Select(t => t.Name).Append(value).ToList());
                    contact.RefreshSearch(contact.Organization?.Name);
                }
                return await SavedAsync($"Tagged {contacts.Count} with “{value}”.");
            case "field":
                var key = Folding.Fold(value);
                var field = await db.CareerFields.FirstOrDefaultAsync(f => f.NormalizedName == key);
                if (field is null) return Back($"You have no career field named “{value}”.");
                foreach (var contact in contacts.Where(c => c.Fields.All(f => f.CareerFieldId != field.Id)))
                    contact.Fields.Add(new ContactField { CareerFieldId = field.Id });
                return await SavedAsync($"Added {contacts.Count} to {field.Name}.");
            case "priority":
                if (!Enum.TryParse<Priority>(value, ignoreCase: true, out var priority) || !Enum.IsDefined(priority))
                    return Back("Type the priority: high, normal or low.");
                foreach (var contact in contacts) contact.Priority = priority;
                return await SavedAsync($"Set {contacts.Count} to {Labels.Of(priority).ToLowerInvariant()} priority.");
            case "alumni":
                if (value.Length is 0 or > Contact.SchoolMaxLength) return Back("Type the school's name.");
                foreach (var contact in contacts)
                {
                    contact.AlumniOf = value;
                    contact.RefreshSearch(contact.Organization?.Name);
                }
                return await SavedAsync($"Marked {contacts.Count} as alumni of {value}.");
            case "export-vcf":
                await audit.RecordAsync(AuditKind.Exported, $"{contacts.Count} selected contacts as vCard");
                return export.VCardFile(contacts.Select(c => c.Id).ToList(), "contacts.vcf");
            case "export-csv":
                await audit.RecordAsync(AuditKind.Exported, $"{contacts.Count} selected contacts as CSV");
                return export.CsvFile(contacts.Select(c => c.Id).ToList(), "contacts.csv");
            case "delete":
                Names = contacts.Select(c => c.FullName).Order().ToList();
                return Page();
            case "delete-confirmed":
                await trash.MoveContactsAsync(contacts);
                TempData["Status"] = $"Moved {contacts.Count} {(contacts.Count == 1 ? "person" : "people")} to the trash for {Domain.Trash.KeptDays} days.";
                return RedirectToPage("/People/Index");
            default:
                return Back("Choose what to do with the selected people.");
        }
    }

    private async Task<IActionResult> SavedAsync(string status)
    {
        await db.SaveChangesAsync();
        TempData["Status"] = status;
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/People/Index")!);
    }

    private RedirectToPageResult Back(string problem)
    {
        TempData["Status"] = problem;
        return RedirectToPage("/People/Index");
    }
}
