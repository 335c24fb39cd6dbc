using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.CareerFields;

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
            if (url.Length > CareerFieldLink.UrlMaxLength) modelState.AddModelError($"Input.Links[{i}].Value", $"Use at most {CareerFieldLink.UrlMaxLength} characters.");
            else if (CareerFieldLinkChecks.Url(url) is { } problem) modelState.AddModelError($"Input.Links[{i}].Value", problem);
        }
        if (!modelState.IsValid) return false;
        // A field the person did not change keeps its stored value exactly (FieldEdit); what they typed is trimmed.
        if (!FieldEdit.IsUntouchedLine(field.Name, input.Name)) field.Rename(input.Name!);
        field.Description = FieldEdit.Text(field.Description, input.Description, trim: true);
        field.Status = input.Status;
        field.Notes = FieldEdit.Text(field.Notes, input.Notes);
        var stored = field.Links.ToList();
        field.Links.Clear();
        field.Links.AddRange(input.Links.Select((l, i) => (Row: l, Stored: i < stored.Count ? stored[i] : null)).Where(l => !l.Row.IsEmpty)
            .Select(l => new CareerFieldLink { Url = FieldEdit.Line(l.Stored?.Url, l.Row.Value)!, Label = FieldEdit.Line(l.Stored?.Label, l.Row.Label) }));
        return true;
    }
}
