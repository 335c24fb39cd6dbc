namespace Rapport.Domain;

/// <summary>How a message reaches the contact.</summary>
public enum Channel
{
    Email = 1,
    LinkedIn = 2,
    Phone = 3,
    Voicemail = 4,
    Introduction = 5,
    Card = 6,
    Other = 7,
}
