namespace Rapport.Domain;

/// <summary>A contact as a name box takes them: "Ada Lovelace", or "Ada Lovelace (Analytical Engines)" when the
/// organization tells namesakes apart, the way the name suggestions offer them.</summary>
public readonly record struct NameWithOrganization(string Name, string? Organization)
{
    /// <summary>The folded name, as <see cref="Contact.SearchKey"/> holds it.</summary>
    public string NameKey => Folding.Fold(Name);

    /// <summary>The organization as <see cref="Domain.Organization.NormalizedName"/> holds it; null when none is given.</summary>
    public string? OrganizationKey => Organization is null ? null : Domain.Organization.Normalize(Organization);

    /// <summary>The organization is the bracket at the end, after a space. Brackets inside it are counted, so
    /// "Ada (Acme (UK))" is Ada at "Acme (UK)"; when they do not pair up, the last " (" starts it, so an
    /// organization named "Acme)" is still found. Empty brackets name no organization.</summary>
    public static NameWithOrganization Parse(string typed)
    {
        var text = typed.Trim();
        if (!text.EndsWith(')')) return new(text, null);
        var open = PairedOpening(text);
        if (open <= 0 || text[open - 1] != ' ') open = text.LastIndexOf(" (", StringComparison.Ordinal) + 1;
        if (open <= 1) return new(text, null);
        var name = text[..(open - 1)].TrimEnd();
        var organization = text[(open + 1)..^1].Trim();
        return name.Length == 0 || organization.Length == 0 ? new(text, null) : new(name, organization);
    }

    /// <summary>Where the bracket that the final ")" closes opens, or -1 when the brackets do not pair up.</summary>
    private static int PairedOpening(string text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')') depth++;
            else if (text[i] == '(' && --depth == 0) return i;
        }
        return -1;
    }
}
