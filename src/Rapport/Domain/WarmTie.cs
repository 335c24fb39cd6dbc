namespace Rapport.Domain;

/// <summary>How well the person knows someone, weakest first: a held conversation beats a reply, which beats
/// a name in the contacts.</summary>
public enum WarmTie
{
    Connection = 1,
    Replied = 2,
    HeldConversation = 3,
}
