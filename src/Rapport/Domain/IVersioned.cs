namespace Rapport.Domain;

/// <summary>A row edited through a form. <see cref="Version"/> goes up by one on every change (the data
/// layer does it, on both databases), and a save from a form opened at an older version writes nothing,
/// so one person's edit never silently overwrites another's.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
