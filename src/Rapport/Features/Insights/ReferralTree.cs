using Rapport.Domain;

namespace Rapport.Features.Insights;

/// <summary>The referrals as a tree: each root is someone who led to others without being referred themselves.</summary>
public sealed class ReferralTree
{
    private readonly ILookup<int?, ReferralNode> _children;

    public ReferralTree(IReadOnlyList<ReferralNode> nodes)
    {
        _children = nodes.ToLookup(n => n.ReferredById);
        Roots = nodes.Where(n => n.ReferredById is null).OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList();
        Referred = nodes.Count(n => n.ReferredById is not null);
        MayUseName = nodes.Count(n => n.ReferredById is not null && n.MayUseName == NameUse.Yes);
        Deepest = Roots.Select(r => Depth(r, 0)).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<ReferralNode> Roots { get; }

    /// <summary>People who came through someone else.</summary>
    public int Referred { get; }

    /// <summary>Of those, the ones whose referrer said their name may be used.</summary>
    public int MayUseName { get; }

    /// <summary>The longest chain of referrals: 1 when a friend led to someone, 2 when that someone led further.</summary>
    public int Deepest { get; }

    public IReadOnlyList<ReferralNode> ChildrenOf(ReferralNode node) =>
        _children[node.Id].OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList();

    // A cycle cannot be saved (a contact is referred by one other), but the depth is bounded all the same.
    private int Depth(ReferralNode node, int level) =>
        level > 50 ? level : ChildrenOf(node).Select(c => Depth(c, level + 1)).DefaultIfEmpty(level).Max();
}
