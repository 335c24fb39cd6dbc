namespace Rapport.Domain;

/// <summary>Whether the person may say who referred them when they contact a referral.</summary>
public enum NameUse
{
    NotAsked = 0,
    Yes = 1,
    No = 2,
}
