using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Saves a row edited through a form only if it is still at the version the form was opened
/// at. The check is the UPDATE's own WHERE clause, so two saves at once cannot both pass it; the loser's
/// whole save (children included) is rolled back.</summary>
public static class VersionedSave
{
    /// <summary>False, with nothing written and the context cleared of the attempt, when someone saved
    /// the row since <paramref name="openedVersion"/>.</summary>
    public static async Task<bool> SaveAsOpenedAsync(this RapportDb db, IVersioned row, int openedVersion)
    {
        var version = db.Entry(row).Property(nameof(IVersioned.Version));
        if (!Equals(version.OriginalValue, openedVersion))
        {
            db.ChangeTracker.Clear();
            return false;
        }
        db.ExpectVersion(row, openedVersion);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The next save writes <paramref name="row"/> only if it is still at <paramref name="version"/>,
    /// and moves it on by one.</summary>
    private static void ExpectVersion(this RapportDb db, IVersioned row, int version)
    {
        var property = db.Entry(row).Property(nameof(IVersioned.Version));
        property.OriginalValue = version;
        // Set explicitly, so the row is updated (and checked) even when only its children changed.
        property.CurrentValue = version + 1;
        property.IsModified = true;
    }
}
