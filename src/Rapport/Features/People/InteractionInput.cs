using System.ComponentModel.DataAnnotations;

namespace Rapport.Features.People;

/// <summary>How the person was in touch with a contact, logged by hand.</summary>
public enum InteractionKind
{
    PhoneCall = 1,
    VideoCall = 2,
    MetInPerson = 3,
    Email = 4,
    Message = 5,
    Other = 6,
}

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

    public static string Label(InteractionKind kind) => kind switch
    {
        InteractionKind.PhoneCall => "Phone call",
        InteractionKind.VideoCall => "Video call",
        InteractionKind.MetInPerson => "Met in person",
        InteractionKind.Email => "Email",
        InteractionKind.Message => "Message",
        _ => "In touch",
    };
}
