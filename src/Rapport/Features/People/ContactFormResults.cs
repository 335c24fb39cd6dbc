using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web;

namespace Rapport.Features.People;

/// <summary>One handler, two renderings: the whole page for a plain post, the form fragment (422)
/// or an HX-Redirect for htmx. Shared by the new and edit pages.</summary>
public static class ContactFormResults
{
    public static IActionResult Refused(this PageModel page, ContactForm form)
    {
        if (!page.Request.IsHtmx()) return page.Page();
        page.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page.Partial("_ContactForm", form);
    }

    public static IActionResult SavedGoTo(this PageModel page, string url)
    {
        if (!page.Request.IsHtmx()) return new RedirectResult(url);
        page.Response.Headers["HX-Redirect"] = url;
        return new NoContentResult();
    }
}
