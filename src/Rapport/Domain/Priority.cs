namespace Rapport.Domain;

/// <summary>Ordered so that sorting ascending puts high first.</summary>
public enum Priority
{
    High = 1,
    Normal = 2,
    Low = 3,
}
