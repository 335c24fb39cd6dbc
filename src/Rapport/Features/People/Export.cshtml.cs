using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Features.ImportExport;
using Rapport.Web;

namespace Rapport.Features.People;

/// <summary>One person's data on its own: a vCard for an address book, or everything Rapport holds
/// about them as JSON (to answer a request to see or take one's data).</summary>
public class ExportModel(ContactExport export, AuditTrail audit) : PageModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, [FromRoute] string format)
    {
        var found = await export.LoadAsync([id]);
        if (found.Count == 0) return NotFound();
        var data = found[0];
        var slug = new string(data.Contact.FullName.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        if (slug.Length == 0) slug = "contact";
        if (format is not ("vcf" or "json")) return NotFound();
        await audit.RecordAsync(Domain.AuditKind.Exported, $"One contact (#{id}) as {(format == "vcf" ? "vCard" : "JSON")}");
        if (format == "vcf") return export.VCardFile([id], slug + ".vcf");
        var c = data.Contact;
        var document = new
        {
            c.Uid, c.FirstName, c.LastName, c.Title, Organization = c.OrganizationName, c.City, c.LinkedInUrl,
            Emails = data.Emails.Select(e => new { e.Label, Address = e.Value }),
            Phones = data.Phones.Select(p => new { p.Label, Number = p.Value }),
            c.Source, ReferredBy = data.ReferredBy?.Name, c.AlumniOf, CareerFields = data.FieldNames,
            Tags = data.Tags, c.Priority, c.DoNotContact, c.Notes, c.ConnectedOn, c.LastContactedOn,
            LinkedIn = new { Company = c.LinkedInCompany, Position = c.LinkedInPosition },
            Timeline = data.Events.Select(e => new { At = e.AtUtc, e.Kind, e.Text }),
            Added = c.CreatedAtUtc, Changed = c.UpdatedAtUtc,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        return File(bytes, "application/json; charset=utf-8", slug + ".json");
    }
}
