using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Rapport.Web;

namespace Rapport.Features.Shared;

/// <summary>A contact's picture, or their initials on a coloured disc when they have none.</summary>
public sealed record Avatar(int ContactId, string Name, bool HasPhoto, bool Large = false)
{
    /// <summary>How many disc colours site.css defines (<c>.avatar-hue-0</c> to <c>-7</c>), each readable in both themes.</summary>
    public const int Hues = 8;

    public string Initials => Domain.Initials.Of(Name, null);

    /// <summary>The disc's colour, from the name alone, so a person keeps theirs on every page and every day
    /// (string.GetHashCode changes from one run to the next; FNV-1a does not).</summary>
    public int Hue
    {
        get
        {
            var hash = 2166136261u;
            foreach (var c in Name.Trim().ToLowerInvariant())
            {
                hash ^= c;
                hash *= 16777619u;
            }
            return (int)(hash % Hues);
        }
    }

    /// <summary>The markup, beside the name it stands for, so it says nothing itself to a screen reader. Written here
    /// rather than in a partial view: the board shows 400 and the people list 50, and each partial is a view activated
    /// with every service the views inject.</summary>
    public IHtmlContent Markup(IUrlHelper url) => Markup(HasPhoto ? url.Page("/People/Photo", new { id = ContactId }) : null);

    /// <summary>The markup, the photo's address made from one routed for every avatar of the page.</summary>
    public IHtmlContent Markup(IdLinks photos) => Markup(HasPhoto ? photos.For(ContactId) : null);

    private HtmlString Markup(string? photo)
    {
        var size = Large ? " large" : "";
        return HasPhoto
            ? new HtmlString($"<img class=\"avatar{size}\" src=\"{HtmlEncoder.Default.Encode(photo ?? "")}\" alt=\"\" loading=\"lazy\">")
            : new HtmlString($"<span class=\"avatar avatar-hue-{Hue}{size}\" aria-hidden=\"true\">{HtmlEncoder.Default.Encode(Initials)}</span>");
    }
}
