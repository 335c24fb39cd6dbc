using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.CareerFields;

public class CareerFieldTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static async Task<HtmlPage> AddFieldAsync(AppClient client, string name = "UX research") =>
        await client.FollowAsync(await client.SubmitAsync(await client.GetPageAsync("/fields/new"), "main form", new()
        {
            ["Input.Name"] = name,
            ["Input.Status"] = "Pursuing",
            ["Input.Description"] = "Studying how people use products.",
            ["Input.Notes"] = "Read *Just Enough Research*.",
            ["Input.Links[0].Label"] = "Salary survey",
            ["Input.Links[0].Value"] = "https://example.com/salaries",
        }));

    [Fact]
    public async Task A_field_is_added_with_notes_and_links_and_shown_in_research()
    {
        var user = await _app.SignUpAsync();
        var page = await AddFieldAsync(user.Client);
        Assert.Equal("UX research", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Pursuing", page.Text);
        Assert.Equal("https://example.com/salaries", page.Document.QuerySelector("a[href='https://example.com/salaries']")!.GetAttribute("href"));
        var research = await user.Client.GetPageAsync("/research");
        Assert.Contains("UX research", research.Document.QuerySelector(".field-list")!.TextContent);
        var duplicate = await user.Client.SubmitAsync(await user.Client.GetPageAsync("/fields/new"), "main form", new() { ["Input.Name"] = "ux  Research" });
        Assert.Equal("You already have a career field with this name.", (await HtmlPage.ReadAsync(duplicate, "")).ErrorFor("Input.Name"));
    }

    [Fact]
    public async Task Open_questions_are_added_answered_with_their_source_and_reopened()
    {
        var user = await _app.SignUpAsync();
        var page = await AddFieldAsync(user.Client);
        page = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, "form[action*='AddQuestion']", new() { ["NewQuestion"] = "Do teams hire without a portfolio?" }));
        Assert.Contains("Do teams hire without a portfolio?", page.Document.QuerySelector(".questions li.open")!.TextContent);

        page = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, "form[action*='Answer']", new() { ["answer"] = "Yes, with a case study.", ["source"] = "Amara at Riverside" }));
        var answered = page.Document.QuerySelector(".questions li.answered")!.TextContent;
        Assert.Contains("Yes, with a case study.", answered);
        Assert.Contains("Amara at Riverside", answered);

        page = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, "form[action*='Reopen']", []));
        Assert.NotNull(page.Document.QuerySelector(".questions li.open"));
        page = await user.Client.FollowAsync(await user.Client.SubmitAsync(page, "form[action*='DeleteQuestion']", []));
        Assert.Empty(page.Document.QuerySelectorAll(".questions li"));
    }

    [Fact]
    public async Task An_empty_question_is_refused_beside_the_box()
    {
        var user = await _app.SignUpAsync();
        var page = await AddFieldAsync(user.Client);
        var response = await user.Client.SubmitAsync(page, "form[action*='AddQuestion']", new() { ["NewQuestion"] = " " });
        Assert.Equal("Type the question.", (await HtmlPage.ReadAsync(response, "")).ErrorFor("NewQuestion"));
    }

    [Fact]
    public async Task Another_users_field_and_its_questions_are_out_of_reach()
    {
        var owner = await _app.SignUpAsync();
        var other = await _app.SignUpAsync();
        var page = await AddFieldAsync(owner.Client, "Secret field");
        page = await owner.Client.FollowAsync(await owner.Client.SubmitAsync(page, "form[action*='AddQuestion']", new() { ["NewQuestion"] = "Secret question?" }));
        var fieldUrl = page.Url.Split('#')[0];
        var questionId = await _app.WithDbAsync(owner.Id, db => db.OpenQuestions.Select(q => q.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(fieldUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(fieldUrl + "/edit")).StatusCode);
        var token = (await other.Client.GetPageAsync("/fields/new")).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "AddQuestion", "Answer", "Reopen", "DeleteQuestion" })
        {
            var response = await other.Client.PostAsync($"{fieldUrl}?handler={handler}&questionId={questionId}",
                [new("NewQuestion", "Planted?"), new("answer", "hijacked"), new("__RequestVerificationToken", token)]);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync(fieldUrl + "/delete", [new("__RequestVerificationToken", token)])).StatusCode);
        var question = await _app.WithDbAsync(owner.Id, db => db.OpenQuestions.SingleAsync());
        Assert.Equal("Secret question?", question.Text);
        Assert.Null(question.Answer);
    }
}
