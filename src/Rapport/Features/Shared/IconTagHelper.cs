using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Rapport.Features.Shared;

/// <summary><c>&lt;icon name="calendar" /&gt;</c>: a Lucide icon drawn inline. It is decoration: the text beside it
/// (visible or <c>.visually-hidden</c>) says what it means, so screen readers skip the picture.</summary>
[HtmlTargetElement("icon", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IconTagHelper(IconSet icons) : TagHelper
{
    public string Name { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "svg";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "icon");
        output.Attributes.SetAttribute("aria-hidden", "true");
        output.Attributes.SetAttribute("focusable", "false");
        output.Attributes.SetAttribute("viewBox", "0 0 24 24");
        output.Attributes.SetAttribute("fill", "none");
        output.Attributes.SetAttribute("stroke", "currentColor");
        output.Attributes.SetAttribute("stroke-width", "2");
        output.Attributes.SetAttribute("stroke-linecap", "round");
        output.Attributes.SetAttribute("stroke-linejoin", "round");
        output.Content.SetHtmlContent(icons.Shapes(Name));
    }
}
