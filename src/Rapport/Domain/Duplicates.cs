namespace Rapport.Domain;

/// <summary>Finds contacts that are probably one person: the same LinkedIn profile, a shared email
/// address, or a very similar name at the same organization ("Jon Smith" and "John Smith", "A. Okafor"
/// and "Amara Okafor"). Names are only compared within an organization, so the work stays small.</summary>
public static class Duplicates
{
    public static IReadOnlyList<DuplicatePair> Find(IEnumerable<DuplicateKeys> contacts)
    {
        var list = contacts.ToList();
        var pairs = new Dictionary<(int, int), string>();
        void Add(int a, int b, string reason)
        {
            var key = a < b ? (a, b) : (b, a);
            pairs.TryAdd(key, reason);
        }
        foreach (var group in list.Where(c => c.LinkedInUrl is not null).GroupBy(c => c.LinkedInUrl))
            Pairwise(group, (a, b) => Add(a.Id, b.Id, "the same LinkedIn profile"));
        foreach (var group in list.SelectMany(c => c.Emails.Select(e => (Email: e, Contact: c))).GroupBy(x => x.Email))
            Pairwise(group.Select(x => x.Contact).DistinctBy(c => c.Id), (a, b) => Add(a.Id, b.Id, $"the same email address ({group.Key})"));
        foreach (var group in list.Where(c => c.OrganizationKey is not null).GroupBy(c => c.OrganizationKey))
            Pairwise(group, (a, b) => { if (SimilarNames(a.NameKey, b.NameKey)) Add(a.Id, b.Id, "a very similar name at the same organization"); });
        return pairs.Select(p => new DuplicatePair(p.Key.Item1, p.Key.Item2, p.Value)).OrderBy(p => p.FirstId).ThenBy(p => p.SecondId).ToList();
    }

    /// <summary>Equal, one edit apart per five letters (typos, "Jon"/"John"), or an initial for the
    /// first name with the same last name.</summary>
    public static bool SimilarNames(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        var budget = Math.Min(a.Length, b.Length) / 5;
        if (budget > 0 && EditDistance(a, b, budget) <= budget) return true;
        var wordsA = a.Split(' ');
        var wordsB = b.Split(' ');
        if (wordsA.Length < 2 || wordsB.Length < 2 || wordsA[^1] != wordsB[^1]) return false;
        var firstA = wordsA[0].TrimEnd('.');
        var firstB = wordsB[0].TrimEnd('.');
        return (firstA.Length == 1 && firstB.StartsWith(firstA, StringComparison.Ordinal))
            || (firstB.Length == 1 && firstA.StartsWith(firstB, StringComparison.Ordinal));
    }

    /// <summary>Levenshtein distance, stopping early once it exceeds <paramref name="limit"/>.</summary>
    public static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }
            if (best > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static void Pairwise<T>(IEnumerable<T> items, Action<T, T> visit)
    {
        var array = items.ToArray();
        for (var i = 0; i < array.Length; i++)
            for (var j = i + 1; j < array.Length; j++)
                visit(array[i], array[j]);
    }
}
