using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Web;

/// <summary>The address of one page for many ids, routed once: routing each link of a thousand-person referral tree,
/// or of a full board, cost more than the query behind it. The id goes where routing put a marker id, so the
/// address is right wherever the route keeps the id (in the path or the query).</summary>
public sealed class IdLinks
{
    private const int Marker = int.MaxValue;
    private static readonly string MarkerText = Marker.ToString(CultureInfo.InvariantCulture);

    private readonly string _before;
    private readonly string _after;

    public IdLinks(IUrlHelper url, string page)
    {
        ArgumentNullException.ThrowIfNull(url);
        var address = url.Page(page, new { id = Marker }) ?? throw new InvalidOperationException($"No route to {page}.");
        var at = address.IndexOf(MarkerText, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"The address of {page} does not hold its id.");
        _before = address[..at];
        _after = address[(at + MarkerText.Length)..];
    }

    public string For(int id) => string.Concat(_before, id.ToString(CultureInfo.InvariantCulture), _after);
}
