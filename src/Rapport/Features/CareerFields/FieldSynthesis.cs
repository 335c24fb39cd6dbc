using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.People;
using Rapport.Features.Shared;

namespace Rapport.Features.CareerFields;

public sealed record Answer(int ConversationId, string Person, DateTime? AtUtc, string Text);

public sealed record AnswersSideBySide(string Question, IReadOnlyList<Answer> Answers);

public sealed record Reflection(int ConversationId, string Person, DateTime? AtUtc, string? Learned, string? StillWantToKnow);

public sealed record FitPoint(int ConversationId, string Person, DateTime AtUtc, int Rating, string? Note);

/// <summary>What the person's conversations taught about one field: the same question answered by
/// different people side by side, their reflections, who could still answer the open questions, and
/// how their sense of fit moved.</summary>
public sealed record FieldSynthesis(
    IReadOnlyList<AnswersSideBySide> SharedQuestions,
    IReadOnlyList<Reflection> Reflections,
    IReadOnlyList<PersonLink> CouldAnswer,
    IReadOnlyList<FitPoint> Fit,
    int Conversations)
{
    public static async Task<FieldSynthesis> LoadAsync(RapportDb db, int fieldId)
    {
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.Fields.Any(f => f.CareerFieldId == fieldId))
            .Select(c => new
            {
                c.Id, c.ContactId, c.Stage, c.Learned, c.StillWantToKnow, c.FitRating, c.FitNote, c.MeetingStartUtc, c.CreatedAtUtc,
                Person = Contact.FullNameOf(c.Contact!.FirstName, c.Contact.LastName),
                Questions = c.Questions.Where(q => q.Notes != null).Select(q => new { q.Source, q.Text, q.Notes }).ToList(),
            })
            .ToListAsync();

        // The same question: the same bank, own or open question; a typed one by its folded wording.
        var shared = conversations
            .SelectMany(c => c.Questions.Select(q => (Key: q.Source == "typed" ? "typed:" + Folding.Fold(q.Text) : q.Source, q.Text,
                Answer: new Answer(c.Id, c.Person, c.MeetingStartUtc, q.Notes!))))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Answer.ConversationId).Distinct().Count() >= 2)
            .Select(g => new AnswersSideBySide(g.First().Text, g.Select(x => x.Answer).OrderBy(a => a.AtUtc).ToList()))
            .OrderByDescending(g => g.Answers.Count)
            .ToList();

        var reflections = conversations.Where(c => c.Learned is not null || c.StillWantToKnow is not null)
            .OrderByDescending(c => c.MeetingStartUtc ?? c.CreatedAtUtc)
            .Select(c => new Reflection(c.Id, c.Person, c.MeetingStartUtc, c.Learned, c.StillWantToKnow)).ToList();

        var fit = conversations.Where(c => c.FitRating is not null)
            .Select(c => new FitPoint(c.Id, c.Person, c.MeetingStartUtc ?? c.CreatedAtUtc, c.FitRating!.Value, c.FitNote))
            .OrderBy(p => p.AtUtc).ToList();

        // People in the field not yet talked to, who might answer what is still open.
        var talkedTo = conversations.Where(c => c.Stage is ConversationStage.Held or ConversationStage.Thanked or ConversationStage.Closed)
            .Select(c => c.ContactId).ToList();
        var couldAnswer = await db.Contacts.AsNoTracking()
            .Where(c => c.Fields.Any(f => f.CareerFieldId == fieldId) && !talkedTo.Contains(c.Id) && !c.DoNotContact)
            .OrderBy(c => c.Priority).ThenBy(c => c.SearchKey).Take(5)
            .Select(c => new PersonLink(c.Id, Contact.FullNameOf(c.FirstName, c.LastName)))
            .ToListAsync();

        return new FieldSynthesis(shared, reflections, couldAnswer, fit, conversations.Count);
    }
}
