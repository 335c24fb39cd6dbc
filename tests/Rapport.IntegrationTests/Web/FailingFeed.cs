using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>A calendar feed whose requests fail for real: the token is found, then a table the feed reads is
/// gone, as when the database fails in the middle of a request while calendar apps keep polling.</summary>
public static class FailingFeed
{
    /// <summary>Makes a feed for a new account, checks it answers, then breaks it; returns its path (with the token).</summary>
    public static async Task<string> MakeAsync(RapportApp app)
    {
        var user = await app.SignUpAsync();
        var calendar = await user.Client.GetPageAsync("/account/calendar");
        var made = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(calendar, "form[action*='handler=Create']", []), "/account/calendar");
        var path = new Uri(made.Document.QuerySelector("input.feed-url-value")!.GetAttribute("value")!).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAppClient().GetAsync(path)).StatusCode);
        await app.WithDbAsync(null, async db =>
        {
            var table = db.Model.FindEntityType(typeof(FollowUpTask))!.GetTableName();
            var rename = "ALTER TABLE \"" + table + "\" RENAME TO \"" + table + "Away\"";
            return await db.Database.ExecuteSqlRawAsync(rename);
        });
        return path;
    }

    public static string Token(string path) => path["/calendar/".Length..^".ics".Length];
}
