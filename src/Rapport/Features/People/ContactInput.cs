using System.ComponentModel.DataAnnotations;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.People;

/// <summary>The fields a person fills in for a contact, on both the new and the edit form.</summary>
public sealed class ContactInput
{
    public const int MaxRows = 10;

    [Required(ErrorMessage = "Enter the first name (or the only name).")]
    [StringLength(Contact.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "First name")]
    public string FirstName { get; set; } = "";

    [StringLength(Contact.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [StringLength(Contact.TitleMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Role or title")]
    public string? Title { get; set; }

    [StringLength(Organization.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Organization")]
    public string? OrganizationName { get; set; }

    /// <summary>Editing only: a new organization means they moved, so the one they leave is kept as a past job (what
    /// "who can introduce me at X" finds). Unticked, the change is a correction and nothing is kept.</summary>
    [Display(Name = "They moved: if you change the organization, keep the one they leave as a past job")]
    public bool KeepPastJob { get; set; }

    [StringLength(Contact.CityMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "City")]
    public string? City { get; set; }

    [StringLength(Contact.UrlMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "LinkedIn profile")]
    public string? LinkedInUrl { get; set; }

    public List<LabelledValue> Emails { get; set; } = [];
    public List<LabelledValue> Phones { get; set; } = [];

    [Display(Name = "How you know them")]
    public ContactSource? Source { get; set; }

    [StringLength(Contact.NameMaxLength * 2, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Referred by")]
    public string? ReferredByName { get; set; }

    [StringLength(Contact.SchoolMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Alumni of (school)")]
    public string? AlumniOf { get; set; }

    [Display(Name = "Career fields")]
    public List<int> FieldIds { get; set; } = [];

    [StringLength(1_000, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    [Display(Name = "Priority")]
    public Priority Priority { get; set; } = Priority.Normal;

    [Display(Name = "Do not contact")]
    public bool DoNotContact { get; set; }

    [Display(Name = "Last in touch")]
    [DataType(DataType.Date)]
    public DateOnly? LastContactedOn { get; set; }

    [StringLength(Contact.NotesMaxLength, ErrorMessage = "Notes can hold at most {1} characters.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    /// <summary>Tags as typed: "alumni, data, met at fair" is three tags; case and accents fold to one.</summary>
    public IReadOnlyList<string> TagNames() => SplitTags(Tags);

    public static IReadOnlyList<string> SplitTags(string? tags) =>
        (tags ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .DistinctBy(Folding.Fold)
            .ToList();

    /// <summary>Rows shown on the form: the filled ones and blanks to add more, without JavaScript.</summary>
    public void PadRows()
    {
        Emails = Emails.Where(e => !e.IsEmpty).ToList();
        Phones = Phones.Where(p => !p.IsEmpty).ToList();
        while (Emails.Count < 2 || (Emails.Count < MaxRows && !Emails[^1].IsEmpty)) Emails.Add(new LabelledValue());
        while (Phones.Count < 1 || (Phones.Count < MaxRows && !Phones[^1].IsEmpty)) Phones.Add(new LabelledValue());
    }
}

/// <summary>An email address or phone number with its label ("work", "home", "mobile").</summary>
public sealed class LabelledValue
{
    [StringLength(ContactEmail.LabelMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Label { get; set; }

    [StringLength(ContactEmail.AddressMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Value { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Value);
}

/// <summary>What the form partial needs besides the fields: where it posts, and the person's lists.</summary>
public sealed record ContactForm(ContactInput Input, int? Id, string SubmitLabel, IReadOnlyList<Choice> Fields, IReadOnlyList<string> OrganizationNames)
{
    /// <summary>On the edit form: the version it stands at, and the notice when it changed since opened.</summary>
    public Shared.EditState? Edit { get; init; }

    /// <summary>On the new form: contacts already there who are probably this person; the form then offers "Save anyway".</summary>
    public IReadOnlyList<AlreadyThere> AlreadyThere { get; init; } = [];
}
