namespace Rapport.Domain;

/// <summary>An uploaded file waiting for the person to confirm its preview. Kept in the database,
/// not on one web node's disk, so any node can finish the import. One nobody confirms is dropped after a day.</summary>
public class PendingImport : IOwned
{
    public const int FileNameMaxLength = 255;

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>An upload made before this time has waited too long for its confirmation.</summary>
    public static DateTime ExpiredBefore(DateTime nowUtc) => nowUtc - KeptFor;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string OwnerId { get; set; } = "";
    public ImportKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}
