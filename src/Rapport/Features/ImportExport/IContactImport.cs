namespace Rapport.Features.ImportExport;

/// <summary>One kind of contact import (LinkedIn, vCard): the same preview, the same all-or-nothing apply.</summary>
public interface IContactImport
{
    Task<ImportSummary> SummarizeAsync(byte[] content, string fileName);

    /// <summary>Imports in one transaction; returns how many contacts were added or changed.
    /// Refuses (returns null) when rows were rejected and the person did not choose to skip them.</summary>
    Task<int?> ApplyAsync(byte[] content, string fileName, bool skipRejected);
}
