namespace Rapport.Features.Insights;

/// <summary>The referrals as a tree: each root is someone who led to others without being referred themselves.</summary>
public sealed class ReferralTree
{
    private static readonly IReadOnlyList<ReferralNode> None = [];

    // Each person's children, sorted once: sorting them again for each visit (the depth, then the page) was a
    // tenth of the insights page's work with a thousand people in the tree.
    private readonly Dictionary<int, IReadOnlyList<ReferralNode>> _children;

    public ReferralTree(IReadOnlyList<ReferralNode> nodes)
    {
        var byName = StringComparer.CurrentCulture;
        _children = nodes.Where(n => n.ReferredById is not null).GroupBy(n => n.ReferredById!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReferralNode>)g.OrderBy(n => n.Name, byName).ToList());
        Roots = nodes.Where(n => n.ReferredById is null).OrderBy(n => n.Name, byName).ToList();
        Referred = nodes.Count(n => n.ReferredById is not null);
        MayUseName = nodes.Count(n => n.ReferredById is not null && n.MayUseName);
        Deepest = Roots.Select(r => Depth(r, 0)).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<ReferralNode> Roots { get; }

    /// <summary>People who came through someone else.</summary>
    public int Referred { get; }

    /// <summary>Of those, the ones whose referrer said their name may be used.</summary>
    public int MayUseName { get; }

    /// <summary>The longest chain of referrals: 1 when a friend led to someone, 2 when that someone led further.</summary>
    public int Deepest { get; }

    public IReadOnlyList<ReferralNode> ChildrenOf(ReferralNode node) => _children.GetValueOrDefault(node.Id, None);

    // A cycle cannot be saved (a contact is referred by one other), but the depth is bounded all the same.
    private int Depth(ReferralNode node, int level) =>
        level > 50 ? level : ChildrenOf(node).Select(c => Depth(c, level + 1)).DefaultIfEmpty(level).Max();
}
