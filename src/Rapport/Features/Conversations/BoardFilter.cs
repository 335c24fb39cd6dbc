using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>What the board (and the list it leads to) is narrowed to, from the query string: a career field, an
/// organization, a tag. Ids are the person's own or match nothing (every query is scoped to them).</summary>
public sealed record BoardFilter(int? Field, int? Org, string? Tag)
{
    public static readonly BoardFilter None = new(null, null, null);

    public string? FoldedTag => string.IsNullOrWhiteSpace(Tag) ? null : Folding.Fold(Tag);

    public bool IsNarrowed => Field is not null || Org is not null || FoldedTag is not null;

    /// <summary>The conversation's own career fields or its contact's; its own organization, or its contact's when it
    /// names none; a tag of its contact.</summary>
    public IQueryable<Conversation> Apply(IQueryable<Conversation> conversations)
    {
        if (Field is int field)
            conversations = conversations.Where(c => c.Fields.Any(f => f.CareerFieldId == field) || c.Contact!.Fields.Any(f => f.CareerFieldId == field));
        if (Org is int org)
            conversations = conversations.Where(c => c.OrganizationId == org || (c.OrganizationId == null && c.Contact!.OrganizationId == org));
        if (FoldedTag is string tag)
            conversations = conversations.Where(c => c.Contact!.Tags.Any(t => t.NormalizedName == tag));
        return conversations;
    }

    /// <summary>The filter as route values, so links and the move forms keep it.</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["field"] = Field?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["org"] = Org?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["tag"] = FoldedTag is null ? null : Tag!.Trim(),
    };
}
