namespace Rapport.Domain;

/// <summary>How the person knows a contact: where the guides say to look for people to talk to.</summary>
public enum ContactSource
{
    Family = 1,
    Friend = 2,
    Classmate = 3,
    Professor = 4,
    CoWorker = 5,
    Alumni = 6,
    LinkedIn = 7,
    Association = 8,
    Referral = 9,
    Cold = 10,
}
