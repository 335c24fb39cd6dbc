namespace Rapport.Domain;

/// <summary>A row whose creation and last change times are stamped on save, in UTC.</summary>
public interface ITimestamped
{
    DateTime CreatedAtUtc { get; set; }
    DateTime UpdatedAtUtc { get; set; }
}
