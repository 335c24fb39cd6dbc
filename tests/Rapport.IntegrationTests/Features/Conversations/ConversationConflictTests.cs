using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Conversations;

/// <summary>The conversation's forms and its autosave, used from two tabs at once.</summary>
public class ConversationConflictTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static List<KeyValuePair<string, string>> Note(HtmlPage page, string target, string text, string? version = null, string? opened = null)
    {
        var form = page.Document.QuerySelector("form[data-autosave-url]")!;
        return
        [
            new("__RequestVerificationToken", page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("target", target), new("text", text),
            new("Opened.Version", version ?? form.GetAttribute("data-version")!),
            new("Opened.Fields", opened ?? form.QuerySelector($"[data-autosave='{target}']")!.GetAttribute("data-opened")!),
        ];
    }

    [Fact]
    public async Task An_autosave_from_a_tab_that_missed_another_tabs_note_is_refused_with_both_texts_and_can_keep_its_own()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var url = $"/conversations/{id}/hold?handler=Note";
        var first = await user.Client.GetPageAsync($"/conversations/{id}/hold");
        var second = await user.Client.GetPageAsync($"/conversations/{id}/hold");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync(url, Note(first, "free", "Met at the café."))).StatusCode);

        // Another box of the stale tab saves: nobody else changed it.
        var question = second.Document.QuerySelector("[data-autosave^='q:']")!.GetAttribute("data-autosave")!;
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync(url, Note(second, question, "Portfolio first."))).StatusCode);

        var refused = await user.Client.PostAsync(url, Note(second, "free", "Met on a video call."));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var notice = AppClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Your notes was changed to 'Met at the café.' (you typed 'Met on a video call.').", notice);
        Assert.Contains("Keep mine", notice);
        Assert.Equal("Met at the café.", await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id).Select(c => c.FreeNotes).SingleAsync()));

        // "Keep mine" sends the version and box the refusal named.
        var kept = await user.Client.PostAsync(url, Note(second, "free", "Met on a video call.",
            refused.Headers.GetValues("X-Version").Single(), refused.Headers.GetValues("X-Opened").Single()));
        Assert.Equal(HttpStatusCode.NoContent, kept.StatusCode);
        var stored = await _app.WithDbAsync(user.Id, db => db.Conversations.Include(c => c.Questions).SingleAsync(c => c.Id == id));
        Assert.Equal("Met on a video call.", stored.FreeNotes);
        Assert.Contains(stored.Questions, q => q.Notes == "Portfolio first.");
    }

    [Fact]
    public async Task A_reflection_saved_in_another_tab_is_not_overwritten_and_the_typing_stays()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        var first = await user.Client.GetPageAsync($"/conversations/{id}/reflect");
        var second = await user.Client.GetPageAsync($"/conversations/{id}/reflect");
        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(first, "main form", new() { ["Input.Learned"] = "Portfolios matter." })).StatusCode);

        var refused = await user.Client.SubmitAsync(second, "main form", new() { ["Input.Learned"] = "Networking matters.", ["Input.NextSteps"] = "Write to Sam." });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlPage.ReadAsync(refused, $"/conversations/{id}/reflect");
        Assert.Contains("What I learned was changed to 'Portfolios matter.' (you typed 'Networking matters.').", page.Document.GetElementById("edit-conflict")!.TextContent);
        Assert.Equal("Write to Sam.", ((IHtmlTextAreaElement)page.Document.GetElementById("Input_NextSteps")!).Value);
        Assert.Equal(("Portfolios matter.", (string?)null), await _app.WithDbAsync(user.Id, db =>
            db.Conversations.Where(c => c.Id == id).Select(c => new ValueTuple<string?, string?>(c.Learned, c.NextSteps)).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(page, "main form", [])).StatusCode);
        Assert.Equal("Networking matters.", await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id).Select(c => c.Learned).SingleAsync()));
    }

    [Fact]
    public async Task An_own_question_reworded_in_another_tab_is_not_overwritten_and_comes_back_open_as_typed()
    {
        var user = await _app.SignUpAsync();
        var key = Rapport.Domain.QuestionBank.BuiltIn[0].Key;
        var bank = await user.Client.FollowAsync(await user.Client.SubmitAsync(await user.Client.GetPageAsync("/questions"), $"#q-{key} form[action*='handler=Copy']", []));
        var id = await _app.WithDbAsync(user.Id, db => db.OwnQuestions.Select(q => q.Id).SingleAsync());
        var other = await user.Client.GetPageAsync("/questions");
        var form = $"#own-{id} form[action*='handler=Edit']";
        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(bank, form, new() { ["Input.Text"] = "What surprised you in your first year?" })).StatusCode);

        var refused = await user.Client.SubmitAsync(other, form, new() { ["Input.Text"] = "What do you wish you had known?" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlPage.ReadAsync(refused, "/questions");
        Assert.Contains("Question was changed to 'What surprised you in your first year?' (you typed 'What do you wish you had known?').",
            page.Document.GetElementById("edit-conflict")!.TextContent);
        Assert.Equal("What do you wish you had known?", page.Document.QuerySelector($"#own-{id} textarea[name='Input.Text']")!.TextContent);
        Assert.Equal("What surprised you in your first year?", await _app.WithDbAsync(user.Id, db => db.OwnQuestions.Select(q => q.Text).SingleAsync()));
    }
}
