using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Organizations;

/// <summary>Checks and applies <see cref="OrganizationInput"/> for the new and edit pages.</summary>
public sealed class OrganizationEditor(RapportDb db)
{
    public async Task<OrganizationForm> FormAsync(OrganizationInput input, int? id, string submitLabel) =>
        new(input, id, submitLabel, await db.CareerFields.AsNoTracking().OrderBy(f => f.NormalizedName).Select(f => new Choice(f.Id, f.Name)).ToListAsync());

    public async Task<bool> ApplyAsync(Organization organization, OrganizationInput input, ModelStateDictionary modelState)
    {
        var normalized = Organization.Normalize(input.Name ?? "");
        if (normalized.Length > 0 && await db.Organizations.AnyAsync(o => o.NormalizedName == normalized && o.Id != organization.Id))
            modelState.AddModelError("Input.Name", "You already have an organization with this name.");
        var website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
        if (website is not null && !website.Contains("://", StringComparison.Ordinal)) website = "https://" + website;
        // The organization's own checks (the same the restore and every other writer meet), each beside its field.
        if (OrganizationChecks.Website(website) is { } websiteProblem) modelState.AddModelError("Input.Website", websiteProblem);
        if (OrganizationChecks.Motivation(input.Motivation) is { } motivation) modelState.AddModelError("Input.Motivation", motivation);
        if (OrganizationChecks.Postings(input.Postings) is { } postings) modelState.AddModelError("Input.Postings", postings);
        if (!Enum.IsDefined(input.Status)) modelState.AddModelError("Input.Status", "Choose a status from the list.");
        if (input.Advocate is not (null or "" or "yes" or "no")) modelState.AddModelError("Input.Advocate", "Choose yes, no, or from contacts.");
        var fieldIds = input.FieldIds.Distinct().ToList();
        if (fieldIds.Count > 0 && await db.CareerFields.CountAsync(f => fieldIds.Contains(f.Id)) != fieldIds.Count)
            modelState.AddModelError("Input.FieldIds", "Choose career fields from the list.");
        if (!modelState.IsValid) return false;

        // A field the person did not change keeps its stored value exactly (FieldEdit); what they typed is trimmed.
        if (!FieldEdit.IsUntouchedLine(organization.Name, input.Name)) organization.Rename(input.Name!);
        if (!FieldEdit.IsUntouchedLine(organization.Website, input.Website)) organization.Website = website;
        organization.City = FieldEdit.Line(organization.City, input.City);
        organization.Status = input.Status;
        organization.Motivation = input.Motivation;
        organization.Postings = input.Postings;
        organization.AdvocateOverride = input.Advocate switch { "yes" => true, "no" => false, _ => null };
        organization.Notes = FieldEdit.Text(organization.Notes, input.Notes);
        organization.Fields.RemoveAll(f => !fieldIds.Contains(f.CareerFieldId));
        foreach (var id in fieldIds.Where(id => organization.Fields.All(f => f.CareerFieldId != id)))
            organization.Fields.Add(new OrganizationField { CareerFieldId = id });
        return true;
    }

    /// <summary>A rename changes what search finds for the people who work there.</summary>
    public async Task RefreshContactsSearchAsync(Organization organization)
    {
        var contacts = await db.Contacts.Where(c => c.OrganizationId == organization.Id)
            .Include(c => c.Tags).Include(c => c.Emails).AsSplitQuery().ToListAsync();
        foreach (var contact in contacts) contact.RefreshSearch(organization.Name);
    }
}
