using System.Net;
using Rapport.Domain;
using Rapport.IntegrationTests.Features.Account;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>Every page that takes a return address (sign-in is in <see cref="SignInTests"/>) sends the
/// browser back inside the app, whatever the address says.</summary>
public class ReturnUrlTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string> OutsideAddresses => SignInTests.OutsideAddresses;

    [Theory]
    [MemberData(nameof(OutsideAddresses))]
    public async Task A_bulk_action_returns_inside_the_app(string returnUrl)
    {
        var user = await _app.SignUpAsync();
        var id = await _app.AddContactAsync(user.Id, "Ada");
        var page = await user.Client.GetPageAsync("/people");
        var token = page.Document.QuerySelector("#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await user.Client.PostAsync("/people/bulk",
            [new("Ids", id.ToString()), new("Action", "tag"), new("Value", "met at fair"), new("ReturnUrl", returnUrl), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://rapport.test", SignInTests.Destination(response).GetLeftPart(UriPartial.Authority));
    }

    [Theory]
    [MemberData(nameof(OutsideAddresses))]
    public async Task Marking_a_follow_up_done_returns_inside_the_app(string returnUrl)
    {
        var user = await _app.SignUpAsync();
        var taskId = await _app.WithDbAsync(user.Id, async db =>
        {
            var task = new FollowUpTask { Kind = TaskKind.Own, Title = "Send the article", DueUtc = _app.Clock.GetUtcNow().UtcDateTime };
            db.FollowUpTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        var page = await user.Client.GetPageAsync("/follow-ups");
        var form = $"form[action='/follow-ups?id={taskId}&handler=Done']";
        var response = await user.Client.SubmitAsync(page, form, new() { ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://rapport.test", SignInTests.Destination(response).GetLeftPart(UriPartial.Authority));
    }
}
