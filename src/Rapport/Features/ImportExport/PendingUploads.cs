using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>Keeps an upload until the person confirms or discards its preview: only a file its import can read,
/// and no more than a few per account (<see cref="ImportOptions"/>), the oldest giving way to a new one.</summary>
public sealed class PendingUploads(RapportDb db, TimeProvider clock, IOptions<ImportOptions> options,
    LinkedInContactImport linkedIn, VCardContactImport vCard)
{
    /// <summary>Kept, or refused (nothing stored) with the reason the file cannot be imported.</summary>
    public async Task<(Guid? Id, string? Refusal)> KeepAsync(ImportKind kind, string fileName, byte[] content)
    {
        var refusal = kind == ImportKind.LinkedIn ? linkedIn.FileError(content, fileName) : vCard.FileError(content, fileName);
        if (refusal is not null) return (null, refusal);
        var pending = new PendingImport { Kind = kind, FileName = fileName, Content = content, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync();
        // After the new one is saved: of two uploads at once, the later pass sees both and keeps within the limits.
        await MakeRoomAsync(pending.Id);
        return (pending.Id, null);
    }

    /// <summary>Keeps the new upload (whatever its size), then the newest others while they fit; from the first that
    /// does not, it and all older ones go, as does anything expired.</summary>
    private async Task MakeRoomAsync(Guid kept)
    {
        var limits = options.Value;
        var expired = PendingImport.ExpiredBefore(clock.GetUtcNow().UtcDateTime);
        var waiting = await db.PendingImports.AsNoTracking()
            .Select(p => new { p.Id, p.CreatedAtUtc, Size = (long)p.Content.Length })
            .ToListAsync();
        var count = 0;
        var bytes = 0L;
        var full = false;
        var drop = new List<Guid>();
        foreach (var upload in waiting.OrderByDescending(p => p.Id == kept).ThenByDescending(p => p.CreatedAtUtc).ThenBy(p => p.Id))
        {
            (count, bytes) = (count + 1, bytes + upload.Size);
            full |= upload.Id != kept && (count > limits.MaxPendingUploads || bytes > limits.MaxPendingMegabytes * 1024L * 1024);
            if (full || (upload.Id != kept && upload.CreatedAtUtc < expired)) drop.Add(upload.Id);
        }
        if (drop.Count > 0) await db.PendingImports.Where(p => drop.Contains(p.Id)).ExecuteDeleteAsync();
    }
}
