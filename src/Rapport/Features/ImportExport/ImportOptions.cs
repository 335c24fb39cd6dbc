namespace Rapport.Features.ImportExport;

/// <summary>Bound from the <c>Imports</c> section: how much of one account's uploads may wait for a confirmation.
/// Past either limit the oldest waiting upload gives way to the new one.</summary>
public sealed class ImportOptions
{
    public int MaxPendingUploads { get; set; } = 3;

    public int MaxPendingMegabytes { get; set; } = 50;
}
