using System.ComponentModel.DataAnnotations;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.People;

/// <summary>The fields a person fills in for a contact, on both the new and the edit form.</summary>
public sealed class ContactInput
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(Contact.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(Contact.EmailMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Email]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(Contact.OrganizationMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Organization")]
    public string? Organization { get; set; }

    [StringLength(Contact.NotesMaxLength, ErrorMessage = "Notes can hold at most {1} characters.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    public static ContactInput From(Contact contact) => new()
    {
        Name = contact.Name,
        Email = contact.Email,
        Organization = contact.Organization,
        Notes = contact.Notes,
    };

    public void ApplyTo(Contact contact)
    {
        contact.Name = Name.Trim();
        contact.Email = Blank(Email);
        contact.Organization = Blank(Organization);
        contact.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes;
        contact.RefreshSearchKey();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the form partial needs: the fields, and where it posts (no id: a new contact).</summary>
public sealed record ContactForm(ContactInput Input, int? Id, string SubmitLabel);
