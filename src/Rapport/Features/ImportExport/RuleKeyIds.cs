using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>A follow-up task's rule key names the rows it was made for ("thank-you:12" is conversation 12),
/// so the rules never make it twice. When rows get new ids (an export, a restore) the key must follow,
/// or the rules would make every task again. A rule added to <see cref="FollowUpRules"/> needs its line here;
/// an unknown key is refused rather than carried with stale ids.</summary>
public static class RuleKeyIds
{
    // For each part after the prefix: the table whose id it holds, or null for a part that is not an id.
    private static readonly Dictionary<string, Type?[]> Parts = new(StringComparer.Ordinal)
    {
        ["thank-you"] = [typeof(Conversation)],
        ["nudge"] = [typeof(OutreachAttempt)],
        ["follow-up"] = [typeof(OutreachAttempt)],
        ["promise"] = [typeof(Promise)],
        ["referral"] = [typeof(Referral)],
        ["tell-referrer"] = [typeof(Referral)],
        ["keep-in-touch"] = [typeof(Contact), null],
        ["close-loop"] = [typeof(SearchOutcome), typeof(Contact)],
    };

    /// <summary>The tables whose ids rule keys hold: restored before the tasks, so their new ids are known.</summary>
    public static IEnumerable<Type> Tables => Parts.Values.SelectMany(t => t).OfType<Type>().Distinct();

    /// <summary>Rewrites the ids in <paramref name="key"/> with <paramref name="newId"/>(table, old id). False when the key
    /// cannot be read (an unknown rule, an id that is not a number). <paramref name="translated"/> is null when
    /// the key names a row that no longer exists: no rule can want that task again, so it needs no key.</summary>
    public static bool TryTranslate(string key, Func<Type, int, int?> newId, out string? translated)
    {
        translated = null;
        var parts = key.Split(':');
        if (!Parts.TryGetValue(parts[0], out var types) || parts.Length != types.Length + 1) return false;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] is not { } table) continue;
            if (!int.TryParse(parts[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return false;
            if (newId(table, id) is not { } renumbered) return true;
            parts[i + 1] = renumbered.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        translated = string.Join(':', parts);
        return true;
    }
}
