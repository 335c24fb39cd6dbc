namespace Rapport.Domain;

/// <summary>A row that belongs to one user. The data layer fills and checks <see cref="OwnerId"/>;
/// no handler sets it by hand.</summary>
public interface IOwned
{
    string OwnerId { get; set; }
}
