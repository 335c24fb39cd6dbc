using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Features.Account;

namespace Rapport.Features.Backup;

/// <summary>The owner's backup button: a consistent copy of the live SQLite database, kept in the data
/// folder's backups/ and offered as a download. On PostgreSQL the page explains pg_dump instead.
/// Anyone but the owner gets 404, as if the page did not exist.</summary>
public class IndexModel(RapportDb db, DatabaseOptions options, DataFolder dataFolder, TimeProvider clock) : PageModel
{
    public bool IsPostgres => options.Provider == DatabaseProvider.PostgreSql;

    public string BackupFolder => Path.Combine(dataFolder.Path, "backups");

    public async Task<IActionResult> OnGetAsync() =>
        await InstallOwner.IsOwnerAsync(db, db.OwnerId, HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await InstallOwner.IsOwnerAsync(db, db.OwnerId, HttpContext.RequestAborted) || IsPostgres) return NotFound();
        var path = SqliteBackup.DefaultPath(dataFolder.Path, clock.GetUtcNow().UtcDateTime);
        // Two presses within a second would name the same file; the second waits its turn with a new name.
        for (var n = 2; System.IO.File.Exists(path); n++) path = Path.ChangeExtension(path, null) + $"-{n}.db";
        await SqliteBackup.WriteAsync(DataServices.ConnectionStringFor(options, dataFolder), path, HttpContext.RequestAborted);
        return PhysicalFile(path, "application/vnd.sqlite3", Path.GetFileName(path));
    }
}
