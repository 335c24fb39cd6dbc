using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

/// <summary>Uploads over the limit, against a real server on a port: what happens to a connection while the
/// browser is still sending is the server's doing, which the in-memory host does not reproduce.</summary>
public class UploadSizeTests
{
    [Fact]
    public async Task An_upload_over_the_request_limit_gets_the_apps_too_large_page_naming_the_limit()
    {
        await using var app = await RapportApp.StartAsync(realServer: true);
        var user = await app.SignUpAsync();
        var form = await user.Client.GetPageAsync("/import");
        var logged = app.Logs.Lines.Count;

        // Over the import page's 40 MB, and over the server's own default of about 28.6 MB: the browser got a bare 413.
        var response = await user.Client.UploadAsync(form, "form[action*='handler=LinkedIn']", "Connections.csv", new byte[45 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/import");
        Assert.Equal("That is too large", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("at most 40 MB", page.Text);
        Assert.Equal(0, await app.WithDbAsync(user.Id, db => db.PendingImports.CountAsync()));
        // Not a failure of the app: nothing logged as an error (the error page used to fail reading the body again).
        Assert.DoesNotContain(app.Logs.Lines.Skip(logged), line => line.StartsWith("Error", StringComparison.Ordinal));

        // The connection was read to its end and stays usable: the next upload on it is an ordinary one.
        var next = await user.Client.UploadAsync(await user.Client.GetPageAsync("/import"), "form[action*='handler=LinkedIn']", "Connections.csv",
            Uploads.ConnectionsCsv("Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Mathematician,15 Mar 2024"));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }
}
