using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Rapport.Web;

/// <summary>ASP.NET refuses a whole form whose values hold a NUL ("The form value contains invalid
/// characters"), which would leave the person with an error page. Such a form is parsed here instead,
/// NULs kept, so that <see cref="UnstorableTextFilter"/> can name the field and keep what was typed.</summary>
public static class NulTolerantForms
{
    public static IApplicationBuilder UseNulTolerantForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            request.EnableBuffering();
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.Ordinal))
            {
                // Too many values, too long a key or value: refused here, as parsing it below would lift the
                // form reader's limits, and every later reader of the form would fail with a server error.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("This form is larger than Rapport accepts: too many fields, or a field that is too long.", context.RequestAborted);
                return;
            }
            catch (InvalidDataException) when (request.Body.CanSeek)
            {
                request.Body.Position = 0;
                using var reader = new StreamReader(request.Body, leaveOpen: true);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                request.Body.Position = 0;
                var values = QueryHelpers.ParseQuery(body.StartsWith('?') ? body : "?" + body);
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(values)));
            }
        }
        await next();
    });
}
