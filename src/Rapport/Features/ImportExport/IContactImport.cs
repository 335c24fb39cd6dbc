namespace Rapport.Features.ImportExport;

/// <summary>One kind of contact import (LinkedIn, vCard): the same preview, the same all-or-nothing apply.</summary>
public interface IContactImport
{
    /// <summary>Why the file as a whole cannot be imported (not this kind of file, empty, too many rows), or null.
    /// Read before the upload is kept, so a refused file is never stored.</summary>
    string? FileError(byte[] content, string fileName);

    Task<ImportSummary> SummarizeAsync(byte[] content, string fileName);

    /// <summary>Imports in one transaction; returns how many contacts were added or changed.
    /// Refuses (returns null) when rows were rejected and the person did not choose to skip them.</summary>
    Task<int?> ApplyAsync(byte[] content, string fileName, bool skipRejected);
}
