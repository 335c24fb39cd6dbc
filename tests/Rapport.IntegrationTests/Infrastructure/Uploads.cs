using System.Net.Http.Headers;
using System.Text;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>Uploads a file through a page's form, as a browser does (multipart, with the form's token).</summary>
public static class Uploads
{
    public static async Task<HttpResponseMessage> UploadAsync(this AppClient client, HtmlPage page, string formSelector, string fileName, byte[] content)
    {
        var form = page.Document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = form.GetAttribute("action")!;
        AppLogFiles.NoteSecret(token);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = body };
        return await client.SendAsync(request);
    }

    /// <summary>LinkedIn's Connections.csv as it really comes: notes, a quoted paragraph, a blank line, then the header.</summary>
    public static byte[] ConnectionsCsv(params string[] rows)
    {
        var text = new StringBuilder();
        text.Append("Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed it.\"\r\n\r\n");
        text.Append("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");
        foreach (var row in rows) text.Append(row).Append("\r\n");
        return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
