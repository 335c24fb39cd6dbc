using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Formats;

namespace Rapport.Features.CareerFields;

public sealed class CareerFieldInput
{
    [Required(ErrorMessage = "Name the field or occupation.")]
    [StringLength(CareerField.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(CareerField.DescriptionMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "What it is, in a sentence or two")]
    public string? Description { get; set; }

    [Display(Name = "Status")]
    public CareerFieldStatus Status { get; set; } = CareerFieldStatus.Exploring;

    [StringLength(CareerField.NotesMaxLength, ErrorMessage = "Notes can hold at most {1} characters.")]
    [Display(Name = "Research notes")]
    public string? Notes { get; set; }

    public List<FieldLink> Links { get; set; } = [];

    public static CareerFieldInput From(CareerField field) => new()
    {
        Name = field.Name, Description = field.Description, Status = field.Status, Notes = field.Notes,
        Links = field.Links.OrderBy(l => l.Id).Select(l => new FieldLink { Label = l.Label, Value = l.Url }).ToList(),
    };

    public void PadRows()
    {
        Links = Links.Where(l => !l.IsEmpty).ToList();
        while (Links.Count < 2 || (Links.Count < 20 && !Links[^1].IsEmpty)) Links.Add(new FieldLink());
    }
}

/// <summary>One useful link of a field: its limits are the link table's, longer than a contact's
/// email or phone row, so it has its own input rather than sharing theirs.</summary>
public sealed class FieldLink
{
    [StringLength(CareerFieldLink.LabelMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Label { get; set; }

    [StringLength(CareerFieldLink.UrlMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Value { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Value);
}

public sealed record CareerFieldForm(CareerFieldInput Input, int? Id, string SubmitLabel)
{
    /// <summary>On the edit form: the version it stands at, and the notice when it changed since opened.</summary>
    public Shared.EditState? Edit { get; init; }

    /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
    public static IReadOnlyList<FormField> FieldsOf(CareerFieldInput input) =>
    [
        new("Name", input.Name),
        new("Description", input.Description),
        new("Status", Enum.IsDefined(input.Status) ? Labels.Of(input.Status) : null),
        new("Notes", input.Notes),
        new("Links", string.Join(", ", input.Links.Where(l => !l.IsEmpty).Select(l => l.Value!.Trim()))),
    ];
}
