using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>The person's organizations found by name, or made: the contact form, a referral met in a
/// conversation and both imports all go through here, so two names are one organization by the same rule
/// (<see cref="Organization.Normalize"/>: case, accents and spacing ignored) and each is made once. It
/// remembers what it found and made in this unit of work, so a name given again before anything is saved
/// finds the organization made for it, and an import asks the database once per name. One for each unit of
/// work: made by the code that saves it.</summary>
public sealed class OrganizationsByName
{
    private readonly RapportDb _db;
    private readonly bool _adds;
    private readonly Dictionary<string, Organization> _known = new(StringComparer.Ordinal);
    private bool _readTracked;

    public OrganizationsByName(RapportDb db) : this(db, adds: true)
    {
    }

    private OrganizationsByName(RapportDb db, bool adds) => (_db, _adds) = (db, adds);

    /// <summary>For the preview of an import: reads without tracking, and what it would make is made but not
    /// added, so nothing of it can be saved.</summary>
    public static OrganizationsByName Preview(RapportDb db) => new(db, adds: false);

    /// <summary>The organization with this name, made (named as given, trimmed) and added to the unit of work if
    /// there is none; null for a blank name.</summary>
    public async Task<Organization?> FindOrAddAsync(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Organization.Normalize(name);
        if (_adds && !_readTracked) ReadTracked();
        // One the change tracker has let go of (cleared after a refused save) is looked up again.
        if (_known.TryGetValue(key, out var known) && (!_adds || _db.Entry(known).State != EntityState.Detached)) return known;
        var query = _db.Organizations.Where(o => o.NormalizedName == key);
        var found = await (_adds ? query : query.AsNoTracking()).FirstOrDefaultAsync();
        if (found is null)
        {
            found = new Organization();
            found.Rename(name);
            if (_adds) _db.Organizations.Add(found);
        }
        return _known[key] = found;
    }

    /// <summary>Learns the organizations the unit of work already holds, loaded or added by other code, once:
    /// without detecting changes first, which would go over every tracked row.</summary>
    private void ReadTracked()
    {
        var detects = _db.ChangeTracker.AutoDetectChangesEnabled;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var organization in _db.Organizations.Local) _known.TryAdd(organization.NormalizedName, organization);
        }
        finally
        {
            _db.ChangeTracker.AutoDetectChangesEnabled = detects;
        }
        _readTracked = true;
    }

    /// <summary>Every organization of the person by normalised name, after making those of <paramref name="names"/>
    /// that do not exist yet (the first spelling of each wins), for an import of thousands of rows: one read and
    /// one bulk write in the caller's transaction, where the change tracker would take seconds. Written straight
    /// to the database, so not for a unit of work that also adds organizations one by one.</summary>
    public async Task<Dictionary<string, (int Id, string Name)>> FindOrAddAllAsync(IEnumerable<string> names, DateTime now)
    {
        var all = await _db.Organizations.AsNoTracking()
            .Select(o => new { o.NormalizedName, o.Id, o.Name })
            .ToDictionaryAsync(o => o.NormalizedName, o => (o.Id, o.Name), StringComparer.Ordinal);
        var missing = new List<ContactBulkInsert.NewOrganization>();
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()))
        {
            var key = Organization.Normalize(name);
            if (all.TryAdd(key, (0, name))) missing.Add(new ContactBulkInsert.NewOrganization(key, name));
        }
        foreach (var (key, id) in await ContactBulkInsert.OrganizationsAsync(_db, missing, now)) all[key] = (id, all[key].Name);
        return all;
    }

    /// <summary>How many organizations these names would make, for an import's preview.</summary>
    public async Task<int> CountNewAsync(IEnumerable<string?> names)
    {
        var existing = (await _db.Organizations.AsNoTracking().Select(o => o.NormalizedName).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        return names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Organization.Normalize(n!)).Distinct().Count(k => !existing.Contains(k));
    }
}
