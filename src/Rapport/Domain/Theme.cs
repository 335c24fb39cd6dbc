namespace Rapport.Domain;

/// <summary>How Rapport looks to one person: as their device is set (the default), or always light or dark.</summary>
public enum Theme
{
    System = 0,
    Light = 1,
    Dark = 2,
}
