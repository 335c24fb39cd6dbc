namespace Rapport.Domain;

/// <summary>Why someone is on the list of warm paths to an organization.</summary>
public enum WarmReasonKind
{
    HeldConversation = 1,
    Replied = 2,
    Connection = 3,
    WorksThere = 4,
    WorkedThere = 5,
    SameSchool = 6,
    ReferredYou = 7,
}
