using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.ImportExport;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>Restore files that differ from a valid export by one value, and what a refused restore shows.</summary>
public static class RestoreCases
{
    private static readonly ConditionalWeakTable<RapportApp, Task<(SignedInUser Source, JsonObject Export)>> Accounts = [];

    /// <summary>The export of an account with a row in every table (made once per app): it restores as it is.</summary>
    public static async Task<JsonObject> ValidExportAsync(RapportApp app) => (await Accounts.GetValue(app, MakeAsync)).Export;

    /// <summary>The account that export was made from.</summary>
    public static async Task<SignedInUser> SourceAsync(RapportApp app) => (await Accounts.GetValue(app, MakeAsync)).Source;

    private static async Task<(SignedInUser, JsonObject)> MakeAsync(RapportApp app)
    {
        var source = await app.SignUpAsync("Source");
        await RichAccount.SeedAsync(app, source.Id);
        return (source, await RichAccount.ExportAsync(source.Client));
    }

    /// <summary>A copy of <paramref name="export"/> with <paramref name="column"/> of the first row of <paramref name="table"/> replaced.</summary>
    public static JsonObject WithValue(JsonObject export, string table, string column, JsonNode? value)
    {
        var copy = export.DeepClone().AsObject();
        var rows = copy["tables"]![table]?.AsArray() ?? throw new InvalidOperationException($"The valid export has no table {table}.");
        var row = rows.FirstOrDefault()?.AsObject() ?? throw new InvalidOperationException($"The valid export has no row in {table}.");
        row[column] = value;
        return copy;
    }

    /// <summary>The message of a refused restore (the page answers 200 with the form again).</summary>
    public static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/import/restore");
        return page.Document.QuerySelector("#restore-error")?.TextContent ?? "(no error shown)";
    }

    /// <summary>Whether the account holds no row of any exported table.</summary>
    public static Task<bool> IsEmptyAsync(RapportApp app, string userId) => app.WithDbAsync(userId, async db =>
    {
        foreach (var table in AccountTables.Exported(db.Model))
            if (await AccountTables.AnyAsync(db, table, CancellationToken.None)) return false;
        return true;
    });
}
