namespace Rapport.Formats.VCard;

/// <summary>The properties of a card being read, kept undecoded until END:VCARD: the escaping rules depend on
/// the VERSION, which vCard 2.1 and 3.0 allow anywhere in the card.</summary>
internal sealed class CardInProgress(int line)
{
    private readonly List<Raw> _properties = [];

    public int Line { get; } = line;

    /// <summary>The card's first inline photo (<see cref="VCardPhoto"/>).</summary>
    public VCardPhoto? Photo { get; set; }

    /// <summary>Set when a line of the card had a problem; the card is then left out.</summary>
    public bool Broken { get; set; }

    /// <param name="text">The value as text: quoted-printable and charset decoded, backslash escapes still in.</param>
    public void Add(ContentLineHeader header, string text) => _properties.Add(new Raw(header, text));

    /// <summary>vCard 2.1 writes an AGENT's card right after an empty "AGENT:" line.</summary>
    public bool EndsWithEmptyAgent() =>
        _properties.Count > 0 && _properties[^1].Header.Name == "AGENT" && string.IsNullOrWhiteSpace(_properties[^1].Text);

    public void RemoveLast() => _properties.RemoveAt(_properties.Count - 1);

    public VCard Build()
    {
        var versionAt = _properties.FindIndex(p => p.Header.Name == "VERSION");
        var version = versionAt < 0 ? "" : _properties[versionAt].Text.Trim();
        var version21 = version == "2.1";
        var properties = new List<VCardProperty>(_properties.Count);
        foreach (var raw in _properties)
        {
            if (raw.Header.Name != "VERSION") properties.Add(ToProperty(raw, version21));
        }
        return new VCard(version, Line, properties) { Photo = Photo };
    }

    private static VCardProperty ToProperty(Raw raw, bool version21)
    {
        var header = raw.Header;
        var parameters = Parameters(header);
        if (VCardText.Structured.Contains(header.Name))
        {
            var components = VCardText.SplitAndUnescape(raw.Text, ';', version21);
            return Create(header, parameters, components[0], components);
        }
        if (VCardText.Lists.Contains(header.Name))
        {
            var items = VCardText.SplitAndUnescape(raw.Text, ',', version21);
            return Create(header, parameters, VCardText.Unescape(raw.Text, version21), items);
        }
        return Create(header, parameters, VCardText.Unescape(raw.Text, version21), null);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters(ContentLineHeader header)
    {
        if (header.Parameters.Count == 0) return VCardProperty.NoParameters;
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in header.Parameters)
        {
            // The value is decoded now; kept, these would make a writer or the app decode it a second time.
            if (name is not ("ENCODING" or "CHARSET")) parameters[name] = values;
        }
        return parameters;
    }

    private static VCardProperty Create(
        ContentLineHeader header,
        IReadOnlyDictionary<string, IReadOnlyList<string>> parameters,
        string value,
        List<string>? components) =>
        components is null
            ? new VCardProperty { Group = header.Group, Name = header.Name, Parameters = parameters, Value = value }
            : new VCardProperty
            {
                Group = header.Group,
                Name = header.Name,
                Parameters = parameters,
                Value = value,
                Components = components,
            };

    // A struct: a card may hold thousands of these until its END.
    private readonly record struct Raw(ContentLineHeader Header, string Text);
}
