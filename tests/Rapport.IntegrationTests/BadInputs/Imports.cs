using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>What an upload came to: refused on the upload form (too large, or a file its import cannot read:
/// nothing is stored), refused as a whole file on the preview, or imported (with the lines left out and the people
/// now there).</summary>
public sealed record ImportOutcome(string? UploadError, string? FileError, IReadOnlyList<string> Rejected, IReadOnlyList<string> Warnings,
    IReadOnlyList<string> People, string PreviewTitle)
{
    public bool Imported => UploadError is null && FileError is null && People.Count > 0;
}

/// <summary>Runs one file through upload, preview and confirmation, checking on the way what every
/// upload must hold to: no server error, nothing injected in the pages, every rejected line named by
/// its number, and no change to the person's rows until they confirm.</summary>
public static partial class Imports
{
    // A pending upload is a row too, but it is the upload itself, dropped after a day or on cancel. A refused upload
    // stores none: the check after a refusal counts pending uploads too.
    private const string PendingUploads = "PendingImports";

    public static async Task<ImportOutcome> RunAsync(RapportApp app, SignedInUser user, string handler, string fileName, byte[] content)
    {
        var client = user.Client;
        var before = await OwnedRowsChecksum.OfAsync(app, user.Id);
        var form = await client.GetPageAsync("/import");
        var upload = await client.UploadAsync(form, $"form[action*='handler={handler}']", fileName, content);
        Corpus.NoServerError(upload, $"uploading {fileName}");
        if (!Corpus.IsRedirect(upload))
        {
            var refused = await HtmlPage.ReadAsync(upload, "/import");
            var error = refused.ErrorFor(handler + "File");
            Assert.False(error is null, $"{fileName}: the upload was refused ({(int)upload.StatusCode}) with no message beside the file field");
            await Corpus.UnchangedAsync(app, user.Id, before, fileName);
            return new ImportOutcome(error, null, [], [], [], "");
        }

        var previewUrl = upload.Headers.Location!.OriginalString;
        var preview = await Corpus.OpenSafelyAsync(client, previewUrl);
        var title = preview.Document.QuerySelector("h1")!.TextContent;
        await Corpus.UnchangedAsync(app, user.Id, before, fileName + " (preview)", PendingUploads);
        var fileError = preview.Document.QuerySelector("p[role=alert]")?.TextContent.Trim();
        if (fileError is not null) return new ImportOutcome(null, fileError, [], [], [], title);

        var rejected = preview.Document.QuerySelectorAll("[aria-labelledby=rejected-heading] li").Select(li => li.TextContent.Trim()).ToList();
        var warnings = preview.Document.QuerySelectorAll("details")
            .Where(d => d.QuerySelector("summary")?.TextContent.Contains("on lines that will be imported") == true)
            .SelectMany(d => d.QuerySelectorAll("li")).Select(li => li.TextContent.Trim()).ToList();
        foreach (var message in rejected.Concat(warnings))
            Assert.True(LineNamed().IsMatch(message), $"{fileName}: a message on the preview does not name its line: {message}");

        if (preview.Document.QuerySelector("main form:not([action*='Cancel']) button[type=submit]") is null)
        {
            await Corpus.UnchangedAsync(app, user.Id, before, fileName, PendingUploads);
            return new ImportOutcome(null, null, rejected, warnings, [], title);
        }
        if (rejected.Count > 0)
        {
            // All or nothing: confirming without leaving out the rejected lines imports nothing and says why.
            var all = await client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);
            Corpus.NoServerError(all, $"confirming {fileName}");
            var again = await HtmlPage.ReadAsync(all, previewUrl);
            Assert.False(again.ErrorFor("SkipRejected") is null, $"{fileName}: confirming a file with rejected lines gave no message");
            await Corpus.UnchangedAsync(app, user.Id, before, fileName + " (confirmed with rejected lines)", PendingUploads);
            preview = again;
        }
        var confirm = await client.SubmitAsync(preview, "main form:not([action*='Cancel'])", rejected.Count > 0 ? new() { ["SkipRejected"] = "true" } : []);
        Corpus.NoServerError(confirm, $"confirming {fileName}");
        Assert.True(Corpus.IsRedirect(confirm), $"{fileName}: confirming answered {(int)confirm.StatusCode}");
        await Corpus.OpenSafelyAsync(client, confirm.Headers.Location!.OriginalString);
        var people = await app.WithDbAsync(user.Id, db => db.Contacts.OrderBy(c => c.Id)
            .Select(c => c.LastName == null ? c.FirstName : c.FirstName + " " + c.LastName).ToListAsync());
        foreach (var id in await app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.Id).Take(5).ToListAsync()))
            await Corpus.OpenSafelyAsync(client, $"/people/{id}");
        return new ImportOutcome(null, null, rejected, warnings, people, title);
    }

    [GeneratedRegex(@"^Line \d+:")]
    private static partial Regex LineNamed();
}
