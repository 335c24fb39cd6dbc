using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web;

namespace Rapport.Features.Shared;

/// <summary>One handler, two renderings: the whole page for a plain post, the form fragment (422)
/// or an HX-Redirect for htmx. A refused edit (409) is <see cref="EditConflict"/>.</summary>
public static class FormResults
{
    /// <summary>The form comes back with its errors: the page, or for htmx the fragment with 422.</summary>
    public static IActionResult Refused(this PageModel page, string formPartial, object form)
    {
        if (!page.Request.IsHtmx()) return page.Page();
        page.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page.Partial(formPartial, form);
    }

    public static IActionResult SavedGoTo(this PageModel page, string url)
    {
        if (!page.Request.IsHtmx()) return new RedirectResult(url);
        page.Response.Headers["HX-Redirect"] = url;
        return new NoContentResult();
    }
}
