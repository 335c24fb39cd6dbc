using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Questions;

public class QuestionBankPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Hidden_built_ins_are_not_proposed_and_own_questions_are()
    {
        var user = await _app.SignUpAsync();
        var referral = QuestionBank.BuiltIn.First(q => q.Part == ConversationPart.NextSteps && q.Goals.HasFlag(ConversationGoal.GrowLocalNetwork));
        var bank = await user.Client.GetPageAsync("/questions");
        Assert.True(bank.Document.QuerySelectorAll(".bank li").Length >= 48);
        bank = await user.Client.FollowAsync(await user.Client.SubmitAsync(bank, $"#q-{referral.Key} form[action*='handler=Hide']", []));
        Assert.Contains("hidden-question", bank.Document.QuerySelector($"#q-{referral.Key}")!.ClassName);

        await user.Client.SubmitAsync(bank, "form[action*='handler=Add']", new()
        {
            ["Input.Text"] = "Which local meetup would you send a newcomer to?",
            ["Input.Theme"] = "PeopleToMeet", ["Input.Part"] = "Resources", ["Input.Goals"] = "GrowLocalNetwork",
        });
        var contact = await _app.AddContactAsync(user.Id, "Someone", "Kind");
        var form = await user.Client.GetPageAsync($"/conversations/new?contactId={contact}");
        var location = (await user.Client.SubmitAsync(form, "main form", new() { ["Goals"] = "GrowLocalNetwork" })).Headers.Location!.OriginalString;
        var prepare = await user.Client.GetPageAsync(location);
        var texts = prepare.Document.QuerySelectorAll("#question-list .question-text").Select(q => q.TextContent).ToList();
        Assert.DoesNotContain(referral.Text, texts);
        Assert.Contains("Which local meetup would you send a newcomer to?", texts);
    }

    [Fact]
    public async Task Copying_a_built_in_makes_an_own_question_to_reword_and_hides_the_original()
    {
        var user = await _app.SignUpAsync();
        var question = QuestionBank.BuiltIn[0];
        var bank = await user.Client.GetPageAsync("/questions");
        bank = await user.Client.FollowAsync(await user.Client.SubmitAsync(bank, $"#q-{question.Key} form[action*='handler=Copy']", []));
        var own = await _app.WithDbAsync(user.Id, db => db.OwnQuestions.SingleAsync());
        Assert.Equal(question.Text, own.Text);
        Assert.Equal(question.Key, own.CopiedFromKey);
        await user.Client.SubmitAsync(bank, $"#own-{own.Id} form[action*='handler=Edit']", new() { ["Input.Text"] = "Reworded in my own voice?" });
        Assert.Equal("Reworded in my own voice?", await _app.WithDbAsync(user.Id, db => db.OwnQuestions.Select(q => q.Text).SingleAsync()));
        Assert.True(await _app.WithDbAsync(user.Id, db => db.HiddenQuestions.AnyAsync(h => h.Key == question.Key)));
    }
}
