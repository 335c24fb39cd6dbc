using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Domain;

namespace Rapport.Features.FollowUps;

/// <summary>Who answers the person's requests, summed up by how they know the contact, so they learn whom to ask
/// first. Its own page, not a part of Follow-ups: it reads every request the person sent and every reply, which
/// grows with the search, while the follow-ups list is opened each time a task is added or ticked off.</summary>
public class AnswersModel(WhoAnswers whoAnswers) : PageModel
{
    public IReadOnlyList<ResponseTally> Answers { get; private set; } = [];

    public int QuickWithin { get; private set; } = FollowUpPolicy.Default.NudgeBusinessDays;

    public async Task OnGetAsync()
    {
        var answers = await whoAnswers.LoadAsync();
        Answers = ReplySpeed.Tally(answers.Select(a => (a.Source is ContactSource source ? Labels.Of(source) : "Not said", a.Speed)));
        if (answers.Count > 0) QuickWithin = answers[0].QuickWithin;
    }
}
