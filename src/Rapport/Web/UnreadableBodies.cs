using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Rapport.Web;

/// <summary>A body that claims to be a form and is not one (multipart without a boundary, or without parts) answers
/// 400 with the normal error page, and nothing is logged: it is the sender's mistake, not a failure of the app.
/// The error page, shown again for the same request, never reads what was sent, so it cannot fail on it in turn.
/// Sits inside the error handlers, so that it runs both for the request and for the error page shown for it.</summary>
public static class UnreadableBodies
{
    public static IApplicationBuilder UseUnreadableBodies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsErrorPage(context) && context.Request.HasFormContentType)
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        try
        {
            await next();
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.Response.HasStarted
            && !context.RequestAborted.IsCancellationRequested && context.Request.HasFormContentType)
        {
            if (!await FormIsUnreadableAsync(context)) throw;
            context.Response.Clear();
            context.Response.StatusCode = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        }
    });

    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    /// <summary>Asks the form again: a form that failed once fails the same way (the reader keeps its outcome);
    /// one that reads, or a request that sent none, means the exception came from somewhere else, a real failure.</summary>
    private static async Task<bool> FormIsUnreadableAsync(HttpContext context)
    {
        try
        {
            await context.Request.ReadFormAsync(CancellationToken.None);
            return false;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return true;
        }
    }
}
