using Microsoft.AspNetCore.Mvc.Filters;
using Rapport.Domain;

namespace Rapport.Web;

/// <summary>Marks any posted field holding text no database here can store (a NUL), beside that
/// field, before the handler runs; handlers check ModelState and so change nothing.</summary>
public sealed class UnstorableTextFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType) return;
        foreach (var (key, values) in request.Form)
        {
            if (values.Any(StorableText.HasUnstorable))
                context.ModelState.AddModelError(key, "This field " + StorableText.Message);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
