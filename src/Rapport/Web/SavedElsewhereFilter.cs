using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Web;

/// <summary>The last line for a save that lost a race on a row's version outside an edit form (a button
/// pressed in two tabs at once): nothing was written, so the person is sent back to the page, freshly
/// read, with a note to try again, never a server error. Edit forms answer their own conflicts with the
/// person's typing kept (see <c>EditConflict</c>).</summary>
public sealed class SavedElsewhereFilter(ITempDataDictionaryFactory tempData) : IPageFilter
{
    public const string Message = "This was changed somewhere else at the same moment, so nothing was saved. Here is the page as it is now; try again.";

    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context) { }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Exception is not DbUpdateConcurrencyException || context.ExceptionHandled) return;
        context.ExceptionHandled = true;
        var http = context.HttpContext;
        tempData.GetTempData(http)["Status"] = Message;
        var here = $"{http.Request.PathBase}{http.Request.Path}";
        if (http.Request.IsHtmx())
        {
            http.Response.Headers["HX-Redirect"] = here;
            context.Result = new NoContentResult();
        }
        else context.Result = new RedirectResult(here) { PreserveMethod = false };
    }
}
