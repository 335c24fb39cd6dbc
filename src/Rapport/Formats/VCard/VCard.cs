namespace Rapport.Formats.VCard;

/// <summary>One contact card: its properties in file order. VERSION is kept in <see cref="Version"/>,
/// not in <see cref="Properties"/>; BEGIN and END are never properties.</summary>
public sealed class VCard
{
    /// <summary>An empty 4.0 card to fill with <see cref="Add"/>, <see cref="AddStructured"/> and
    /// <see cref="AddList"/> before writing.</summary>
    public VCard() : this("4.0", 0, [])
    {
    }

    internal VCard(string version, int line, List<VCardProperty> properties)
    {
        Version = version;
        Line = line;
        Properties = properties;
    }

    public IList<VCardProperty> Properties { get; }

    /// <summary>The VERSION value as read ("2.1", "3.0", "4.0"); empty when the card had none.</summary>
    public string Version { get; }

    /// <summary>The 1-based physical line of BEGIN:VCARD; 0 for a card built in code.</summary>
    public int Line { get; }

    /// <summary>The first inline photo as read (not a property: its bytes are decoded, not text). To write one, add a
    /// PHOTO property with a data: URI.</summary>
    public VCardPhoto? Photo { get; init; }

    // The three names are null when missing or blank, so callers can fall back with ??.
    public string? FormattedName => NullIfBlank(First("FN")?.Value);

    public string? GivenName => NameComponent(1);

    public string? FamilyName => NameComponent(0);

    public IEnumerable<VCardProperty> All(string name) =>
        Properties.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public VCardProperty? First(string name) => All(name).FirstOrDefault();

    /// <summary>Adds a property with an unescaped text value. For N, ADR, ORG, GENDER, CATEGORIES and
    /// NICKNAME use <see cref="AddStructured"/> or <see cref="AddList"/>: here the value is one component.</summary>
    public VCard Add(
        string name,
        string value,
        string? group = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? parameters = null)
    {
        Properties.Add(new VCardProperty
        {
            Group = group,
            Name = name,
            Value = value,
            Parameters = parameters ?? VCardProperty.NoParameters,
        });
        return this;
    }

    /// <summary>Adds a structured property (N, ADR, ORG, GENDER) from its unescaped components; the value
    /// is the first component, as the reader sets it.</summary>
    public VCard AddStructured(
        string name,
        IReadOnlyList<string> components,
        string? group = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? parameters = null)
    {
        Properties.Add(new VCardProperty
        {
            Group = group,
            Name = name,
            Value = components.Count > 0 ? components[0] : "",
            Components = components,
            Parameters = parameters ?? VCardProperty.NoParameters,
        });
        return this;
    }

    /// <summary>Adds a list property (CATEGORIES, NICKNAME) from its unescaped items; the value is the
    /// items joined by commas, as the reader sets it.</summary>
    public VCard AddList(
        string name,
        IReadOnlyList<string> items,
        string? group = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? parameters = null)
    {
        Properties.Add(new VCardProperty
        {
            Group = group,
            Name = name,
            Value = string.Join(',', items),
            Components = items,
            Parameters = parameters ?? VCardProperty.NoParameters,
        });
        return this;
    }

    public override string ToString() => FormattedName ?? "(no name)";

    private string? NameComponent(int index)
    {
        var components = First("N")?.Components;
        return components is not null && index < components.Count ? NullIfBlank(components[index]) : null;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
