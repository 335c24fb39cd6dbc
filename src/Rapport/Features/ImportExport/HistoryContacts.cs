using Rapport.Domain;
using Rapport.Formats.LinkedIn;

namespace Rapport.Features.ImportExport;

/// <summary>Whom a message of the history is with: the contact with its profile URL, else the one contact with its
/// name (folded, after repairing a double-encoded name). A name two contacts share matches neither.</summary>
public sealed class HistoryContacts
{
    private const int Ambiguous = 0;
    private readonly Dictionary<string, int> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    /// <param name="key">A contact's id, or a negative number for a contact the import is about to add.</param>
    /// <param name="profileUrl">Normalised (<see cref="LinkedInProfileUrl.Normalize"/>).</param>
    public void Add(int key, string? profileUrl, string fullName)
    {
        if (profileUrl is not null) _byUrl.TryAdd(profileUrl, key);
        var name = Folding.Fold(fullName);
        if (name.Length == 0) return;
        _byName[name] = _byName.TryGetValue(name, out var other) && other != key ? Ambiguous : key;
    }

    public bool HasUrl(string profileUrl) => _byUrl.ContainsKey(profileUrl);

    public int? Find(string? profileUrl, string name)
    {
        if (profileUrl is not null && _byUrl.TryGetValue(profileUrl, out var byUrl)) return byUrl;
        foreach (var candidate in new[] { name, DoubleEncodedText.Repair(name) })
        {
            if (_byName.TryGetValue(Folding.Fold(candidate), out var byName) && byName != Ambiguous) return byName;
        }
        return null;
    }
}
