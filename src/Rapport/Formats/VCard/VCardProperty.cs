namespace Rapport.Formats.VCard;

/// <summary>One content line of a card, decoded: no escapes, no quoted-printable, no folding left.</summary>
/// <remarks>
/// <see cref="Value"/> is the whole unescaped value, except for the structured properties N, ADR, ORG and
/// GENDER, whose separators would be ambiguous once unescaped: there it is the first component (the
/// organisation name for ORG, the family name for N) and every component is in <see cref="Components"/>.
/// For the list properties CATEGORIES and NICKNAME, <see cref="Components"/> holds the comma-separated items.
/// </remarks>
public sealed class VCardProperty
{
    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoParameters =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    private readonly string _name = "";
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _parameters = NoParameters;
    private readonly IReadOnlyList<string>? _components;
    private IReadOnlyList<string>? _types;

    /// <summary>The group before the dot ("item1" in "item1.EMAIL"), as written; null when there is none.</summary>
    public string? Group { get; init; }

    /// <summary>The property name, upper-cased ("EMAIL", "X-ABLABEL").</summary>
    public required string Name
    {
        get => _name;
        init => _name = value.ToUpperInvariant();
    }

    /// <summary>Parameters by upper-cased name (looked up case-insensitively); values as written, in order.
    /// Repeated parameters (TYPE=work;TYPE=pref) are merged; vCard 2.1 bare parameters ("TEL;WORK;VOICE")
    /// are listed under TYPE, or under ENCODING for QUOTED-PRINTABLE, BASE64, 8BIT and 7BIT.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters
    {
        get => _parameters;
        init => _parameters = Normalise(value);
    }

    public required string Value { get; init; }

    /// <summary>The unescaped components of N, ADR, ORG, GENDER (split at ';') or the items of CATEGORIES
    /// and NICKNAME (split at ','); a single item, the <see cref="Value"/>, for every other property.</summary>
    public IReadOnlyList<string> Components
    {
        get => _components ?? [Value];
        init => _components = value.ToArray();
    }

    /// <summary>Every TYPE value, lower-cased and split at commas (TYPE="work,voice" gives work and voice),
    /// without duplicates.</summary>
    public IReadOnlyList<string> Types => _types ??= CollectTypes(_parameters);

    public override string ToString() => (Group is null ? "" : Group + ".") + Name + ":" + Value;

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Normalise(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? parameters)
    {
        // A copy, so the caller cannot change the property afterwards and keys become case-insensitive.
        if (parameters is null || parameters.Count == 0) return NoParameters;
        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in parameters)
        {
            var key = name.ToUpperInvariant();
            copy[key] = copy.TryGetValue(key, out var existing) ? [.. existing, .. values] : values.ToArray();
        }
        return copy;
    }

    private static string[] CollectTypes(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        if (!parameters.TryGetValue("TYPE", out var values)) return [];
        var types = new List<string>();
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var type = part.ToLowerInvariant();
                if (!types.Contains(type)) types.Add(type);
            }
        }
        return [.. types];
    }
}
