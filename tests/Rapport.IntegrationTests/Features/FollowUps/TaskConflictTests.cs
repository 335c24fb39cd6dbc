using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.FollowUps;

public class TaskConflictTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task A_task_edited_in_another_tab_is_not_overwritten_and_the_edit_comes_back_with_the_typing()
    {
        var user = await _app.SignUpAsync();
        await user.Client.SubmitAsync(await user.Client.GetPageAsync("/follow-ups"), "form[action*='handler=Add']", new() { ["NewTitle"] = "Send the report", ["NewDue"] = "2026-11-30" });
        var id = await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Select(t => t.Id).SingleAsync());
        var first = await user.Client.GetPageAsync("/follow-ups");
        var second = await user.Client.GetPageAsync("/follow-ups");
        var form = $"#task-{id} form[action*='handler=Edit']";
        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(first, form, new() { ["title"] = "Send the annual report" })).StatusCode);

        var refused = await user.Client.SubmitAsync(second, form, new() { ["title"] = "Send the slides", ["notes"] = "PDF, not PowerPoint" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlPage.ReadAsync(refused, "/follow-ups");
        Assert.Contains("What was changed to 'Send the annual report' (you typed 'Send the slides').", page.Document.GetElementById("edit-conflict")!.TextContent);
        Assert.Equal("PDF, not PowerPoint", page.Document.QuerySelector<IHtmlTextAreaElement>(".refused-edit textarea[name=notes]")!.Value);
        Assert.Equal(("Send the annual report", (string?)null), await _app.WithDbAsync(user.Id, db =>
            db.FollowUpTasks.Where(t => t.Id == id).Select(t => new ValueTuple<string, string?>(t.Title, t.Notes)).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(page, ".refused-edit form", [])).StatusCode);
        Assert.Equal("Send the slides", await _app.WithDbAsync(user.Id, db => db.FollowUpTasks.Where(t => t.Id == id).Select(t => t.Title).SingleAsync()));
    }
}
