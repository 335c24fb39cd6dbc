using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Rapport.Features.ImportExport;

/// <summary>A download written to the response part by part as it is made, so a file of 30,000 contacts
/// never sits whole in memory. Each part is text, encoded as UTF-8 without a byte-order mark (a CSV
/// writes its own).</summary>
public sealed class StreamedDownload(string contentType, string fileName, Func<CancellationToken, IAsyncEnumerable<string>> parts) : IActionResult
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string ContentType => contentType;

    public string FileName => fileName;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellation = context.HttpContext.RequestAborted;
        response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await foreach (var part in parts(cancellation).WithCancellation(cancellation))
            await response.Body.WriteAsync(Utf8.GetBytes(part), cancellation);
    }
}
