using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Formats;

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
