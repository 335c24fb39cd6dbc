using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.People;
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

public sealed class CareerFieldEditor(RapportDb db)
{
    public async Task<bool> ApplyAsync(CareerField field, CareerFieldInput input, ModelStateDictionary modelState)
    {
        var normalized = Folding.Fold(input.Name ?? "");
        if (normalized.Length > 0 && await db.CareerFields.AnyAsync(f => f.NormalizedName == normalized && f.Id != field.Id))
            modelState.AddModelError("Input.Name", "You already have a career field with this name.");
        if (!Enum.IsDefined(input.Status)) modelState.AddModelError("Input.Status", "Choose a status from the list.");
        for (var i = 0; i < input.Links.Count; i++)
        {
            var url = input.Links[i].Value?.Trim();
            if (string.IsNullOrEmpty(url)) continue;
            if (url.Length > CareerFieldLink.UrlMaxLength || !SafeMarkdown.IsAllowed(url) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                modelState.AddModelError($"Input.Links[{i}].Value", "Enter a web address starting with https:// or http://.");
        }
        if (!modelState.IsValid) return false;
        field.Rename(input.Name!);
        field.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        field.Status = input.Status;
        field.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes;
        field.Links.Clear();
        field.Links.AddRange(input.Links.Where(l => !l.IsEmpty).Select(l => new CareerFieldLink
        {
            Url = l.Value!.Trim(),
            Label = string.IsNullOrWhiteSpace(l.Label) ? null : l.Label.Trim(),
        }));
        return true;
    }
}
