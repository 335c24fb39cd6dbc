using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Organizations;

public sealed class OrganizationInput
{
    [Required(ErrorMessage = "Enter the organization's name.")]
    [StringLength(Organization.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(Organization.WebsiteMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Website")]
    public string? Website { get; set; }

    [StringLength(Organization.CityMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "City")]
    public string? City { get; set; }

    [Display(Name = "Status")]
    public OrganizationStatus Status { get; set; }

    [Display(Name = "Career fields")]
    public List<int> FieldIds { get; set; } = [];

    [Display(Name = "Motivation (0-3)")]
    public int? Motivation { get; set; }

    [Display(Name = "Relevant postings (1-3)")]
    public int? Postings { get; set; }

    /// <summary>"yes", "no", or empty: worked out from the contacts there.</summary>
    [Display(Name = "Someone there could advocate for you")]
    public string? Advocate { get; set; }

    [StringLength(Organization.NotesMaxLength, ErrorMessage = "Notes can hold at most {1} characters.")]
    [Display(Name = "Research notes")]
    public string? Notes { get; set; }

    public static OrganizationInput From(Organization o) => new()
    {
        Name = o.Name, Website = o.Website, City = o.City, Status = o.Status, Motivation = o.Motivation, Postings = o.Postings,
        Advocate = o.AdvocateOverride switch { true => "yes", false => "no", _ => null },
        Notes = o.Notes, FieldIds = o.Fields.Select(f => f.CareerFieldId).ToList(),
    };
}

public sealed record OrganizationForm(OrganizationInput Input, int? Id, string SubmitLabel, IReadOnlyList<Choice> Fields)
{
    /// <summary>On the edit form: the version it stands at, and the notice when it changed since opened.</summary>
    public Shared.EditState? Edit { get; init; }

    /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
    public IReadOnlyList<FormField> FieldsOf(OrganizationInput input) =>
    [
        new("Name", input.Name),
        new("Website", input.Website),
        new("City", input.City),
        new("Status", Enum.IsDefined(input.Status) ? Labels.Of(input.Status) : null),
        new("Career fields", string.Join(", ", Fields.Where(f => input.FieldIds.Contains(f.Id)).Select(f => f.Name))),
        new("Motivation", input.Motivation?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Relevant postings", input.Postings?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Someone there could advocate for you", input.Advocate),
        new("Research notes", input.Notes),
    ];
}
