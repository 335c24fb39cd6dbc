using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Rapport.Web;

/// <summary>A body larger than its page accepts is answered with the app's own 413 page, whatever its size. Left to
/// the server, the answer went while the browser was still sending, and the server then closed the connection, so
/// the browser showed its own error (or a bare 413) instead. Here the size a request announces is compared with its
/// page's limit before anything reads the body; a signed-in person's body is then read and thrown away, up to a
/// bound, so the browser finishes sending and shows the page (a server that stops reading can only close the
/// connection). The error page itself never reads the body (<see cref="UnreadableBodies"/>).</summary>
public static class OversizedRequests
{
    /// <summary>The limit that was passed, in bytes, for the error page to name.</summary>
    public const string LimitItem = "rapport:request-limit";

    /// <summary>Beyond this, or after this long, the body is not read to its end: the answer goes at once and the
    /// connection closes. It costs bandwidth, never memory; anyone may already send this much under a limit.</summary>
    public const long DiscardAtMost = 512L * 1024 * 1024;

    public static readonly TimeSpan DiscardFor = TimeSpan.FromMinutes(10);

    /// <summary>After routing (the page's own limit is known) and authorization (only requests that may reach their
    /// page have their body read).</summary>
    public static IApplicationBuilder UseOversizedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata
            ? metadata.MaxRequestBodySize
            : size.MaxRequestBodySize;
        if (limit is long max && context.Request.ContentLength is long length && length > max && !size.IsReadOnly)
        {
            if (length <= DiscardAtMost && context.User.Identity?.IsAuthenticated == true)
            {
                size.MaxRequestBodySize = null;
                await DiscardAsync(context.Request.Body, context.RequestAborted);
            }
            context.Items[LimitItem] = max;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        // A body that does not say its size (chunked; browsers always say it for a form) is stopped as it passes the
        // limit, by the form reader or the server, and the form check then answers 400; should a 413 come of it, its
        // page names the limit. Its rest cannot be read, so the connection closes after the answer.
        if (limit is long passed) context.Items[LimitItem] = passed;
        await next();
    });

    private static async Task DiscardAsync(Stream body, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(DiscardFor);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await body.ReadAsync(buffer, timeout.Token) > 0) { }
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            // Too slow: answer now; the server closes the connection after the answer.
        }
    }
}
