using System.ComponentModel.DataAnnotations;
using Rapport.Domain;

namespace Rapport.Features.People;

public sealed class InteractionInput
{
    public const int NoteMaxLength = 500;

    [Display(Name = "How")]
    [EnumDataType(typeof(InteractionKind), ErrorMessage = "Choose how you were in touch.")]
    public InteractionKind Kind { get; set; } = InteractionKind.PhoneCall;

    [Display(Name = "When")]
    [Required(ErrorMessage = "Say when it was.")]
    public DateOnly? On { get; set; }

    [Display(Name = "Note")]
    [StringLength(NoteMaxLength, ErrorMessage = "Keep the note under {1} characters; longer notes belong in the contact's notes.")]
    public string? Note { get; set; }
}
