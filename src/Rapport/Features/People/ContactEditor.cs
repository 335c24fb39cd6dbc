using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Formats.LinkedIn;

namespace Rapport.Features.People;

/// <summary>Turns a filled-in <see cref="ContactInput"/> into changes on a contact: finds or makes its
/// organization, finds who referred them, checks the fields are the person's own, and puts every
/// refusal beside its field. Used by the new and edit pages.</summary>
public sealed class ContactEditor(RapportDb db, TimeProvider clock)
{
    public async Task<ContactForm> FormAsync(ContactInput input, int? id, string submitLabel)
    {
        input.PadRows();
        var fields = await FieldChoicesAsync();
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.NormalizedName).Select(o => o.Name).Take(500).ToListAsync();
        return new ContactForm(input, id, submitLabel, fields, organizations);
    }

    public Task<List<Choice>> FieldChoicesAsync() =>
        db.CareerFields.AsNoTracking().OrderBy(f => f.NormalizedName).Select(f => new Choice(f.Id, f.Name)).ToListAsync();

    public static ContactInput InputFrom(Contact contact, string? referredBy) => new()
    {
        FirstName = contact.FirstName,
        LastName = contact.LastName,
        Title = contact.Title,
        OrganizationName = contact.Organization?.Name,
        City = contact.City,
        LinkedInUrl = contact.LinkedInUrl,
        Emails = contact.Emails.Select(e => new LabelledValue { Label = e.Label, Value = e.Address }).ToList(),
        Phones = contact.Phones.Select(p => new LabelledValue { Label = p.Label, Value = p.Number }).ToList(),
        Source = contact.Source,
        ReferredByName = referredBy,
        AlumniOf = contact.AlumniOf,
        FieldIds = contact.Fields.Select(f => f.CareerFieldId).ToList(),
        Tags = string.Join(", ", contact.Tags.Select(t => t.Name)),
        Priority = contact.Priority,
        DoNotContact = contact.DoNotContact,
        LastContactedOn = contact.LastContactedOn,
        Notes = contact.Notes,
        KeepPastJob = true,
    };

    /// <summary>The form's fields as the person reads them, to say what changed since it was opened.</summary>
    public static IReadOnlyList<FormField> FieldsOf(ContactInput input, IReadOnlyList<Choice> fields) =>
    [
        new("First name", input.FirstName),
        new("Last name", input.LastName),
        new("Role or title", input.Title),
        new("Organization", input.OrganizationName),
        new("City", input.City),
        new("LinkedIn profile", input.LinkedInUrl),
        new("Email addresses", string.Join(", ", input.Emails.Where(e => !e.IsEmpty).Select(e => e.Value!.Trim()))),
        new("Phone numbers", string.Join(", ", input.Phones.Where(p => !p.IsEmpty).Select(p => p.Value!.Trim()))),
        new("How you know them", input.Source is { } source && Enum.IsDefined(source) ? Labels.Of(source) : null),
        new("Referred by", input.ReferredByName),
        new("Alumni of", input.AlumniOf),
        new("Career fields", string.Join(", ", fields.Where(f => input.FieldIds.Contains(f.Id)).Select(f => f.Name))),
        new("Tags", string.Join(", ", input.TagNames())),
        new("Priority", Enum.IsDefined(input.Priority) ? Labels.Of(input.Priority) : null),
        new("Do not contact", input.DoNotContact ? "yes" : "no"),
        new("Last in touch", input.LastContactedOn?.ToString("yyyy-MM-dd")),
        new("Notes", input.Notes),
    ];

    /// <summary>Applies the input to <paramref name="contact"/> (new or loaded with its collections and
    /// organization). Returns false, with errors in <paramref name="modelState"/>, when it cannot.</summary>
    public async Task<bool> ApplyAsync(Contact contact, ContactInput input, ModelStateDictionary modelState)
    {
        string? linkedIn = null;
        if (!string.IsNullOrWhiteSpace(input.LinkedInUrl))
        {
            linkedIn = LinkedInProfileUrl.Normalize(input.LinkedInUrl);
            if ((linkedIn is null ? ContactChecks.LinkedInMessage : ContactChecks.LinkedInUrl(linkedIn)) is { } problem) modelState.AddModelError("Input.LinkedInUrl", problem);
        }
        if (!YearRange.Holds(input.LastContactedOn)) modelState.AddModelError("Input.LastContactedOn", YearRange.Message);
        for (var i = 0; i < input.Emails.Count; i++)
        {
            if (!input.Emails[i].IsEmpty && !EmailAddress.IsValid(input.Emails[i].Value!.Trim()))
                modelState.AddModelError($"Input.Emails[{i}].Value", "Enter an email address like name@example.com.");
        }
        for (var i = 0; i < input.Phones.Count; i++)
        {
            // The shared row allows 254 characters (an email address); a phone number column holds fewer.
            if (!input.Phones[i].IsEmpty && input.Phones[i].Value!.Trim().Length > ContactPhone.NumberMaxLength)
                modelState.AddModelError($"Input.Phones[{i}].Value", $"Use at most {ContactPhone.NumberMaxLength} characters.");
        }
        var referrer = await FindReferrerAsync(contact, input.ReferredByName, modelState);
        var fieldIds = input.FieldIds.Distinct().ToList();
        var ownFields = fieldIds.Count == 0 ? 0 : await db.CareerFields.CountAsync(f => fieldIds.Contains(f.Id));
        if (ownFields != fieldIds.Count) modelState.AddModelError("Input.FieldIds", "Choose career fields from the list.");
        var tags = input.TagNames();
        if (tags.Any(t => t.Length > ContactTag.NameMaxLength)) modelState.AddModelError("Input.Tags", $"A tag can have at most {ContactTag.NameMaxLength} characters.");
        if (input.Source is { } source && !Enum.IsDefined(source)) modelState.AddModelError("Input.Source", "Choose how you know them from the list.");
        if (!modelState.IsValid) return false;

        var (titleLeft, organizationLeft) = (contact.Title, contact.Organization);
        // A field the person did not change keeps its stored value exactly (FieldEdit); what they typed is trimmed.
        contact.FirstName = FieldEdit.Line(contact.FirstName, input.FirstName) ?? "";
        contact.LastName = FieldEdit.Line(contact.LastName, input.LastName);
        contact.Title = FieldEdit.Line(contact.Title, input.Title);
        contact.City = FieldEdit.Line(contact.City, input.City);
        if (!FieldEdit.IsUntouchedLine(contact.LinkedInUrl, input.LinkedInUrl)) contact.LinkedInUrl = linkedIn;
        contact.Source = input.Source;
        contact.ReferredBy = referrer;
        contact.ReferredById = referrer?.Id;
        contact.AlumniOf = FieldEdit.Line(contact.AlumniOf, input.AlumniOf);
        contact.Priority = Enum.IsDefined(input.Priority) ? input.Priority : Priority.Normal;
        contact.DoNotContact = input.DoNotContact;
        contact.LastContactedOn = input.LastContactedOn;
        contact.Notes = FieldEdit.Text(contact.Notes, input.Notes);
        if (!FieldEdit.IsUntouchedLine(contact.Organization?.Name, input.OrganizationName))
        {
            contact.Organization = await new OrganizationsByName(db).FindOrAddAsync(input.OrganizationName);
            if (contact.Organization is null) contact.OrganizationId = null;
            if (input.KeepPastJob && contact.WorksElsewhereThan(organizationLeft))
                contact.RecordMove(titleLeft, organizationLeft.Name, clock.GetUtcNow().UtcDateTime);
        }

        // Rows are matched to the stored ones by position, as the form lists them.
        var storedEmails = contact.Emails.ToList();
        contact.Emails.Clear();
        contact.Emails.AddRange(input.Emails.Select((e, i) => (Row: e, Stored: i < storedEmails.Count ? storedEmails[i] : null))
            .Where(e => !e.Row.IsEmpty).DistinctBy(e => ContactEmail.Normalize(e.Row.Value!)).Select(e => new ContactEmail
        {
            Address = FieldEdit.Line(e.Stored?.Address, e.Row.Value)!,
            Label = FieldEdit.Line(e.Stored?.Label, e.Row.Label),
            NormalizedAddress = ContactEmail.Normalize(e.Row.Value!),
        }));
        var storedPhones = contact.Phones.ToList();
        contact.Phones.Clear();
        contact.Phones.AddRange(input.Phones.Select((p, i) => (Row: p, Stored: i < storedPhones.Count ? storedPhones[i] : null))
            .Where(p => !p.Row.IsEmpty)
            .Select(p => new ContactPhone { Number = FieldEdit.Line(p.Stored?.Number, p.Row.Value)!, Label = FieldEdit.Line(p.Stored?.Label, p.Row.Label) }));
        contact.SetTags(tags);
        contact.Fields.RemoveAll(f => !fieldIds.Contains(f.CareerFieldId));
        foreach (var id in fieldIds.Where(id => contact.Fields.All(f => f.CareerFieldId != id)))
            contact.Fields.Add(new ContactField { CareerFieldId = id });
        contact.RefreshSearch(contact.Organization?.Name);
        if (contact.Id == 0)
            contact.Events.Add(new ContactEvent { Kind = ContactEventKind.Added, OccurredAtUtc = clock.GetUtcNow().UtcDateTime, Text = "Added" });
        return true;
    }

    /// <summary>"Ada Lovelace" or "Ada Lovelace (Analytical Engines)", as the suggestions offer it.</summary>
    private async Task<Contact?> FindReferrerAsync(Contact contact, string? typed, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var parsed = NameWithOrganization.Parse(typed);
        var name = parsed.Name;
        var matches = await db.Contacts.Named(parsed).Where(c => c.Id != contact.Id).Take(2).ToListAsync();
        if (matches.Count == 1) return matches[0];
        modelState.AddModelError("Input.ReferredByName", matches.Count == 0
            ? $"No contact is named “{typed.Trim()}”. Add them first, or leave this empty."
            : $"Several contacts are named “{name}”. Add their organization in brackets, like “{name} (Acme)”.");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
