namespace Rapport.Domain;

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
