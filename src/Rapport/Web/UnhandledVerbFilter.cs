using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Rapport.Web;

/// <summary>Razor Pages renders a page even when no handler fits the request (a POST to a read-only
/// page), skipping the code that loads and checks its data. Such a request gets 404 instead, the same
/// answer as for an address that does not exist.</summary>
public sealed class UnhandledVerbFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            context.Result = new NotFoundResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
