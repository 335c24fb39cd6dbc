using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.People;
using Rapport.Features.Shared;
using Rapport.Formats;

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

    [Range(0, 3, ErrorMessage = "Motivation is scored 0 to 3.")]
    [Display(Name = "Motivation (0-3)")]
    public int? Motivation { get; set; }

    [Range(1, 3, ErrorMessage = "Postings are scored 1 to 3.")]
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
        if (website is not null && !(SafeMarkdown.IsAllowed(website) && !website.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
            modelState.AddModelError("Input.Website", "Enter a web address like https://example.com.");
        if (!Enum.IsDefined(input.Status)) modelState.AddModelError("Input.Status", "Choose a status from the list.");
        if (input.Advocate is not (null or "" or "yes" or "no")) modelState.AddModelError("Input.Advocate", "Choose yes, no, or from contacts.");
        var fieldIds = input.FieldIds.Distinct().ToList();
        if (fieldIds.Count > 0 && await db.CareerFields.CountAsync(f => fieldIds.Contains(f.Id)) != fieldIds.Count)
            modelState.AddModelError("Input.FieldIds", "Choose career fields from the list.");
        if (!modelState.IsValid) return false;

        organization.Rename(input.Name!);
        organization.Website = website;
        organization.City = string.IsNullOrWhiteSpace(input.City) ? null : input.City.Trim();
        organization.Status = input.Status;
        organization.Motivation = input.Motivation;
        organization.Postings = input.Postings;
        organization.AdvocateOverride = input.Advocate switch { "yes" => true, "no" => false, _ => null };
        organization.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes;
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
