using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Rapport.Data;

namespace Rapport.Web;

/// <summary>The last line for a value the save refused that no form check caught first (a merge copying a value
/// stored before its check existed): nothing was written, so the person gets the error page saying what was
/// refused (422), never a server error. Forms check first and put the message beside the field.</summary>
public sealed class RefusedValueFilter(ILogger<RefusedValueFilter> log) : IPageFilter
{
    /// <summary>Where the error page finds what was refused.</summary>
    public const string MessageItem = "Rapport.RefusedValue";

    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context) { }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Exception is not RefusedValueException refused || context.ExceptionHandled) return;
        context.ExceptionHandled = true;
        log.LogInformation("A save was refused by the checks of {Object}.{Property}", refused.Entity.GetType().Name, refused.Problem.Property);
        context.HttpContext.Items[MessageItem] = refused.Problem.Message;
        context.Result = new StatusCodeResult(StatusCodes.Status422UnprocessableEntity);
    }
}
